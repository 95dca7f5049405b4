package dev.hearth.core.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

import dev.hearth.core.Labels;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Two replicas of a service (its built {@code quarkus-run.jar}, prod profile, leader election on), each its own JVM
 * acting as its own user ({@code hearth-ha-<service>-a|b}, impersonated, in system:masters) with that user as its
 * lease identity. A ValidatingAdmissionPolicy whose parameter is the service's Lease checks every write of either
 * replica against the Lease's holder, with action {@code Warn}: the API server counts, in its own metrics, each write
 * by the holder and each by a replica that does not hold the lease, so "only the leader writes" is read from the
 * server, not from the services.
 */
public final class ReplicaPair implements AutoCloseable {
    /** The services' default (hearth.leader-election.lease-duration). */
    private static final Duration LEASE_DURATION = Duration.ofSeconds(15);

    private static final String METRIC = "apiserver_validating_admission_policy_check_total";
    /** Two policies, the metric counting only violations: one is violated by the holder's writes, one by the others'. */
    private static final String BY_HOLDER = "by-holder";

    private static final String NOT_BY_HOLDER = "not-by-holder";

    private final TestKubernetes kubernetes;
    private final Path jar;
    private final String service;
    private final String namespace;
    private final List<String> properties;
    private final ServiceProcess[] replicas = new ServiceProcess[2];

    private ReplicaPair(TestKubernetes kubernetes, Path jar, String service, List<String> properties) {
        this.kubernetes = kubernetes;
        this.jar = jar;
        this.service = service;
        this.namespace = kubernetes.newNamespace("ha-" + service);
        this.properties = properties;
    }

    /**
     * Starts replica a, waits until it holds the lease, then starts replica b and waits until it is ready (a ready
     * standby). Each runs with its service's JVM options (deploy/service-jvm.options, the chart's).
     */
    public static ReplicaPair start(TestKubernetes kubernetes, Path jar, String service, List<String> properties)
            throws IOException, InterruptedException {
        ReplicaPair pair = new ReplicaPair(kubernetes, jar, service, properties);
        pair.installPolicies();
        pair.replicas[0] = pair.startReplica(user(service, 0));
        pair.replicas[0].awaitReady(Duration.ofMinutes(2));
        pair.awaitHolder(user(service, 0), Duration.ofMinutes(1));
        pair.replicas[1] = pair.startReplica(user(service, 1));
        pair.replicas[1].awaitReady(Duration.ofMinutes(2));
        return pair;
    }

    /** The user, and lease identity, of replica {@code index} (0 = a, 1 = b). */
    public static String user(String service, int index) {
        return "hearth-ha-" + service + "-" + (char) ('a' + index);
    }

    public String user(int index) {
        return user(service, index);
    }

    public ServiceProcess replica(int index) {
        return replicas[index];
    }

    public String leaseNamespace() {
        return namespace;
    }

    /** The holder of the Lease {@code hearth-<service>}, if any. */
    public Optional<String> holder() {
        Lease lease = kubernetes
                .client()
                .leases()
                .inNamespace(namespace)
                .withName(Labels.managedBy(service))
                .get();
        return Optional.ofNullable(lease).map(l -> l.getSpec().getHolderIdentity());
    }

    /** Waits until {@code identity} holds the lease; returns how long that took. */
    public Duration awaitHolder(String identity, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (holder().filter(identity::equals).isPresent()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(identity + " did not get the lease within " + timeout + "; holder: "
                + holder().orElse("none") + "; logs " + replicas[0].log() + ", "
                + (replicas[1] == null ? "-" : replicas[1].log()));
    }

    /**
     * Writes by a replica, as the API server counted them: {@code leader} = by the lease holder at that moment,
     * {@code notLeader} = by a replica that did not hold the lease.
     */
    public Map<String, Long> writes() {
        String metrics = kubernetes.client().raw("/metrics");
        return Map.of("leader", count(metrics, BY_HOLDER), "notLeader", count(metrics, NOT_BY_HOLDER));
    }

    /** The violations of policy {@code suffix} the API server counted (each a write it let through with a warning). */
    private long count(String metrics, String suffix) {
        long count = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(METRIC + "{") && line.contains("policy=\"" + policyName(suffix) + "\"")) {
                count += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return count;
    }

    /**
     * The takeover test: checks that the policies count a standby's write, runs {@code burst} (creating {@code total}
     * objects), kills the leader (SIGKILL) once {@code killAt} of them converged, and checks that b takes over within
     * the lease duration, that everything converges, and that only the lease holder ever wrote. Prints the figures.
     */
    public void killLeaderMidBurst(String what, int total, int killAt, Runnable burst, IntSupplier converged)
            throws Exception {
        assertThat(countsStandbyWrite(1)).as("the check sees a standby's write").isEqualTo(1);
        long probeWrites = writes().get("notLeader");
        CompletableFuture<Void> running = CompletableFuture.runAsync(burst);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> converged.getAsInt() >= killAt);
        Map<String, Long> beforeKill = writes();
        assertThat(beforeKill.get("leader")).as("the leader wrote").isPositive();
        assertThat(beforeKill.get("notLeader") - probeWrites)
                .as("writes by the standby while a led")
                .isZero();

        replicas[0].kill();
        long killed = System.nanoTime();
        // bounded by twice the lease, not tighter: the time itself is a figure to print, and on a loaded 2-core machine
        // the standby's next try after the lease expired can come seconds late (18.9 s for a 15 s lease in CI)
        Duration takeover = awaitHolder(user(1), LEASE_DURATION.multipliedBy(2));
        int convergedAtKill = converged.getAsInt();
        running.get();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> converged.getAsInt() == total);
        System.out.printf(
                "%s takeover: %d ms after SIGKILL (lease %d s); %d of %d %s converged at the kill, all %.1f s after it%n",
                service,
                takeover.toMillis(),
                LEASE_DURATION.toSeconds(),
                convergedAtKill,
                total,
                what,
                (System.nanoTime() - killed) / 1e9);
        Map<String, Long> after = writes();
        assertThat(after.get("leader")).as("the new leader wrote").isGreaterThan(beforeKill.get("leader"));
        assertThat(after.get("notLeader") - probeWrites)
                .as("writes by a replica not holding the lease")
                .isZero();
    }

    /**
     * The check can fail: a ConfigMap written as the standby's user in the lease namespace must be counted as a write
     * by a replica not holding the lease. Returns that count's increase (1 when the check works).
     */
    private long countsStandbyWrite(int standby) throws InterruptedException {
        long before = writes().get("notLeader");
        try (KubernetesClient asStandby = kubernetes.impersonating(user(standby), "system:masters")) {
            asStandby
                    .configMaps()
                    .inNamespace(namespace)
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("written-by-" + user(standby))
                            .endMetadata()
                            .build())
                    .create();
        }
        return writes().get("notLeader") - before;
    }

    private ServiceProcess startReplica(String user) throws IOException {
        List<String> all = new ArrayList<>(properties);
        all.add("hearth.leader-election.lease-namespace=" + namespace);
        all.add("hearth.leader-election.identity=" + user);
        // the fabric8 client's own settings, which Quarkus's client configuration starts from
        all.add("kubernetes.impersonate.username=" + user);
        all.add("kubernetes.impersonate.group=system:masters");
        return ServiceProcess.start(jar, kubernetes, all);
    }

    private String policyName(String suffix) {
        return "hearth-ha-" + service + "-" + suffix;
    }

    private void installPolicies() throws InterruptedException {
        installPolicy(BY_HOLDER, "request.userInfo.username != params.spec.holderIdentity");
        installPolicy(NOT_BY_HOLDER, "request.userInfo.username == params.spec.holderIdentity");
        // the policies take effect once the API server's policy informers have them
        Thread.sleep(2_000);
    }

    private void installPolicy(String suffix, String expression) {
        KubernetesClient client = kubernetes.client();
        String prefix = "hearth-ha-" + service + "-";
        client.resource(
                        resource(
                                "ValidatingAdmissionPolicy",
                                policyName(suffix),
                                Map.of(
                                        "failurePolicy", "Fail",
                                        "paramKind", Map.of("apiVersion", "coordination.k8s.io/v1", "kind", "Lease"),
                                        "matchConstraints",
                                                Map.of(
                                                        "resourceRules",
                                                                List.of(Map.of(
                                                                        "apiGroups", List.of("*"),
                                                                        "apiVersions", List.of("*"),
                                                                        "operations",
                                                                                List.of("CREATE", "UPDATE", "DELETE"),
                                                                        "resources", List.of("*/*"))),
                                                        // the lease itself and the events a standby may record are not
                                                        // the service's writes
                                                        "excludeResourceRules",
                                                                List.of(
                                                                        rule("coordination.k8s.io", "leases"),
                                                                        rule("", "events"),
                                                                        rule("events.k8s.io", "events"),
                                                                        rule("authorization.k8s.io", "*"),
                                                                        rule("authentication.k8s.io", "*"))),
                                        "matchConditions",
                                                List.of(Map.of(
                                                        "name",
                                                        "a-replica",
                                                        "expression",
                                                        "request.userInfo.username.startsWith('" + prefix + "')")),
                                        "validations",
                                                List.of(
                                                        Map.of(
                                                                "expression",
                                                                expression,
                                                                "messageExpression",
                                                                "request.userInfo.username + ' wrote; holder: ' + params.spec.holderIdentity")))))
                .serverSideApply();
        client.resource(resource(
                        "ValidatingAdmissionPolicyBinding",
                        policyName(suffix),
                        Map.of(
                                "policyName", policyName(suffix),
                                "validationActions", List.of("Warn"),
                                "paramRef",
                                        Map.of(
                                                "name",
                                                Labels.managedBy(service),
                                                "namespace",
                                                namespace,
                                                "parameterNotFoundAction",
                                                "Deny"))))
                .serverSideApply();
    }

    private static Map<String, Object> rule(String group, String resource) {
        return Map.of(
                "apiGroups", List.of(group),
                "apiVersions", List.of("*"),
                "operations", List.of("CREATE", "UPDATE", "DELETE"),
                "resources", List.of(resource));
    }

    private static GenericKubernetesResource resource(String kind, String name, Map<String, Object> spec) {
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setApiVersion("admissionregistration.k8s.io/v1");
        resource.setKind(kind);
        resource.setMetadata(new ObjectMetaBuilder().withName(name).build());
        resource.setAdditionalProperty("spec", spec);
        return resource;
    }

    @Override
    public void close() {
        for (ServiceProcess replica : replicas) {
            if (replica != null) {
                replica.close();
            }
        }
        for (String suffix : List.of(BY_HOLDER, NOT_BY_HOLDER)) {
            kubernetes
                    .client()
                    .resource(resource("ValidatingAdmissionPolicyBinding", policyName(suffix), Map.of()))
                    .delete();
            kubernetes
                    .client()
                    .resource(resource("ValidatingAdmissionPolicy", policyName(suffix), Map.of()))
                    .delete();
        }
    }
}
