package dev.hearth.tenant.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.bench.ReplicaPair;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Two replicas of tenant-service (the built jar, prod profile, leader election on): only the lease holder writes, and
 * when it is killed (SIGKILL) in the middle of a burst of tenants the standby takes over within the lease duration and
 * every tenant converges. Needs {@code target/quarkus-app} (built by package, before failsafe).
 */
class LeaderElectionIT {
    private static final int TENANTS = 50;
    private static final Duration LEASE_DURATION = Duration.ofSeconds(15);

    @Test
    void onlyTheLeaderWritesAndTheStandbyTakesOverMidBurst() throws Exception {
        TestKubernetes kubernetes = TestKubernetes.shared().withHearthCrds();
        KubernetesClient client = kubernetes.client();
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(TenantNamespaceName.ROOT)
                        .endMetadata()
                        .build())
                .serverSideApply();
        try (ReplicaPair pair = ReplicaPair.start(
                kubernetes, Path.of("target/quarkus-app/quarkus-run.jar"), "tenant-service", List.of())) {
            assertThat(pair.countsStandbyWrite(1))
                    .as("the check sees a standby's write")
                    .isEqualTo(1);
            long probeWrites = pair.writes().get("notLeader");

            String prefix = "ha" + Long.toString(System.nanoTime() % 100_000, 36);
            List<String> names =
                    IntStream.range(0, TENANTS).mapToObj(i -> prefix + "x" + i).toList();
            CompletableFuture<Void> burst =
                    CompletableFuture.runAsync(() -> names.parallelStream().forEach(name -> {
                        Tenant tenant = new Tenant();
                        tenant.getMetadata().setNamespace(TenantNamespaceName.ROOT);
                        tenant.getMetadata().setName(name);
                        client.resource(tenant).create();
                    }));
            // mid-burst: some tenants reconciled by the leader, most not yet
            Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> ready(client, names) >= 5);
            Map<String, Long> beforeKill = pair.writes();
            assertThat(beforeKill.get("leader")).as("the leader wrote").isPositive();
            assertThat(beforeKill.get("notLeader") - probeWrites)
                    .as("writes by the standby while a led")
                    .isZero();

            pair.replica(0).kill();
            long killed = System.nanoTime();
            Duration takeover = pair.awaitHolder(pair.user(1), LEASE_DURATION.multipliedBy(2));
            int readyAtKill = ready(client, names);
            burst.get();
            Awaitility.await()
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> ready(client, names) == TENANTS);
            double convergedSeconds = (System.nanoTime() - killed) / 1e9;
            System.out.printf(
                    "tenant-service takeover: %d ms after SIGKILL (lease %s s); %d of %d tenants ready at the kill, all"
                            + " ready %.1f s after it%n",
                    takeover.toMillis(), LEASE_DURATION.toSeconds(), readyAtKill, TENANTS, convergedSeconds);
            assertThat(takeover).isLessThanOrEqualTo(LEASE_DURATION.plusSeconds(3));

            Map<String, Long> after = pair.writes();
            assertThat(after.get("leader")).as("the new leader wrote").isGreaterThan(beforeKill.get("leader"));
            assertThat(after.get("notLeader") - probeWrites)
                    .as("writes by a replica not holding the lease")
                    .isZero();
            // one namespace per tenant, each its own: no duplicate from two writers
            List<String> namespaces = names.stream()
                    .map(name -> client.resources(Tenant.class)
                            .inNamespace(TenantNamespaceName.ROOT)
                            .withName(name)
                            .get()
                            .getStatus()
                            .namespace)
                    .toList();
            assertThat(namespaces)
                    .doesNotHaveDuplicates()
                    .allSatisfy(namespace -> assertThat(
                                    client.namespaces().withName(namespace).get())
                            .isNotNull());
        }
    }

    private static int ready(KubernetesClient client, List<String> names) {
        return (int) client.resources(Tenant.class).inNamespace(TenantNamespaceName.ROOT).list().getItems().stream()
                .filter(t -> names.contains(t.getMetadata().getName()))
                .filter(t -> t.getStatus() != null
                        && Objects.equals(
                                t.getStatus().observedGeneration,
                                t.getMetadata().getGeneration())
                        && ReadyCondition.find(t.getStatus().conditions, ReadyCondition.TYPE)
                                .map(c -> ReadyCondition.TRUE.equals(c.getStatus()))
                                .orElse(false))
                .count();
    }
}
