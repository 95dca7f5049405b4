package dev.hearth.tenant.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.hearth.core.Labels;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.tenant.TenantStatus;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.bench.Latencies;
import dev.hearth.core.testing.bench.ServiceProcess;
import dev.hearth.tenant.lineage.NamespaceFor;
import dev.hearth.tenant.lineage.TenantPlacement;
import dev.hearth.tenant.network.NetworkPoliciesFor;
import dev.hearth.tenant.network.TenantNetwork;
import dev.hearth.tenant.quota.LimitRangeFor;
import dev.hearth.tenant.quota.ResourceQuotaFor;
import dev.hearth.tenant.rbac.ReleaseRoleBindingFor;
import dev.hearth.tenant.rbac.ReleaseServiceAccountFor;
import dev.hearth.tenant.rbac.RoleBindingsFor;
import dev.hearth.tenant.rbac.ServiceAccountFor;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

/**
 * Benchmark (not a test) of tenant-service on the real API server: a tree of tenants in three levels (default 10 × 7 ×
 * 6 = 500, each with a quota that fits its parent's), children created as soon as their parent is Ready, as a user's
 * automation would. Prints the time until all are Ready, create → Ready p50/p99, a single tenant's create → Ready on an
 * idle service, the service's RSS, and the raw floor of the same run: the same objects (Tenant, namespace,
 * ServiceAccount, RoleBindings, NetworkPolicies, quota, LimitRange, status, Event) written by one bare client with as
 * many threads, in the same parent-before-child order.
 *
 * <p>Run with {@code scripts/benchmark.sh tenant-service [level1 [level2 [level3]]]}.
 */
public final class TenantBenchmark {
    private static final int WRITERS = 8;
    private static final int SINGLE_RUNS = 20;
    private static final String FLOOR_MANAGER = "hearth-bench-floor";

    private final KubernetesClient client;
    private final int[] fanOut;

    private TenantBenchmark(KubernetesClient client, int[] fanOut) {
        this.client = client;
        this.fanOut = fanOut;
    }

    @SuppressWarnings("try") // the service is closed early on purpose: the benchmark then measures a restart
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int[] fanOut = {arg(args, 1, 10), arg(args, 2, 7), arg(args, 3, 6)};
        TestKubernetes kubernetes = TestKubernetes.shared().withHearthCrds();
        TenantBenchmark benchmark = new TenantBenchmark(kubernetes.client(), fanOut);
        int total = fanOut[0] + fanOut[0] * fanOut[1] + fanOut[0] * fanOut[1] * fanOut[2];
        kubernetes
                .client()
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(TenantNamespaceName.ROOT)
                        .endMetadata()
                        .build())
                .serverSideApply();

        Cpu floorCpu = Cpu.now(null);
        double floorSeconds = benchmark.floor(total);
        floorCpu = Cpu.now(null).minus(floorCpu);

        try (ServiceProcess service = ServiceProcess.start(jar, kubernetes, List.of())) {
            System.out.println("tenant-service log: " + service.log() + ", JVM options: " + service.jvmOptions());
            service.awaitReady(Duration.ofMinutes(2));
            // warm-up (as JMH would): the JIT compiles the service's hot paths here, not during the measured run
            new TenantBenchmark(benchmark.client, new int[] {5, 3, 2}).service("warmup", 5 + 15 + 30);
            Thread.sleep(5_000);
            Cpu serviceCpu = Cpu.now(service);
            Run run = benchmark.service("bench", total);
            serviceCpu = Cpu.now(service).minus(serviceCpu);
            Thread.sleep(5_000); // let the last parents' status updates settle: "single" means an idle service
            Latencies single = benchmark.singleTenants();
            long rss = service.rssMiB();
            Map<String, String> versionsBefore = benchmark.serviceObjectVersions();
            service.close();
            int writtenAfterRestart = benchmark.writtenAfterRestart(jar, kubernetes, versionsBefore);

            System.out.println();
            System.out.printf(
                    "tenant-service benchmark: %d tenants in 3 levels (%d x %d x %d), %d writer threads%n",
                    total, fanOut[0], fanOut[1], fanOut[2], WRITERS);
            System.out.printf(
                    "  all Ready: %s%n", run.ready.ended() == total ? "yes" : "NO (" + run.ready.ended() + " Ready)");
            System.out.printf("  raw floor (bare client writes the same objects): %.2f s%n", floorSeconds);
            System.out.printf("  service (first create -> all Ready): %.2f s%n", run.seconds);
            System.out.printf("  ratio service/floor: %.2f (target <= 1.4)%n", run.seconds / floorSeconds);
            System.out.printf(
                    "  create -> Ready per tenant: p50 %.0f ms, p99 %.0f ms%n",
                    run.ready.percentileMillis(50), run.ready.percentileMillis(99));
            System.out.printf(
                    "  single tenant create -> Ready (idle, %d runs): p50 %.0f ms, p90 %.0f ms, max %.0f ms (target <= 300 ms)%n",
                    SINGLE_RUNS,
                    single.percentileMillis(50),
                    single.percentileMillis(90),
                    single.percentileMillis(100));
            System.out.printf("  CPU seconds, floor: %s; service run: %s%n", floorCpu, serviceCpu);
            System.out.printf(
                    "  restart with nothing changed: %d of %d objects written (expected 0)%n",
                    writtenAfterRestart, versionsBefore.size());
            System.out.printf("  tenant-service RSS after the run: %d MiB (target <= 300 MB)%n", rss);
        }
        System.exit(0);
    }

    /** The tree written by a bare client: every object the service would write, in the same order, as fast as it can. */
    private double floor(int total) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(total);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        TenantPlacement root = TenantPlacement.root("example.org", false, false, false, false);
        long start = System.nanoTime();
        for (int i = 0; i < fanOut[0]; i++) {
            submitFloor(pool, root, "floor" + i, 0, done);
        }
        done.await(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        // the service must not adopt the floor's Tenants; their namespaces stay, labelled as the floor's
        for (String namespace : floorNamespaces()) {
            client.resources(Tenant.class).inNamespace(namespace).delete();
        }
        return seconds;
    }

    private void submitFloor(
            ExecutorService pool, TenantPlacement parent, String name, int level, CountDownLatch done) {
        pool.submit(() -> {
            try {
                TenantPlacement placement = writeFloorTenant(parent, name, level);
                done.countDown();
                if (level + 1 < fanOut.length) {
                    for (int c = 0; c < fanOut[level + 1]; c++) {
                        submitFloor(pool, placement, childName(level + 1, c), level + 1, done);
                    }
                }
            } catch (RuntimeException e) {
                System.err.println("floor write of " + name + " failed: " + e.getMessage());
            }
        });
    }

    private TenantPlacement writeFloorTenant(TenantPlacement parent, String name, int level) {
        Tenant tenant = client.resource(tenant(parent.namespace(), name, level)).create();
        TenantPlacement placement = TenantPlacement.childOf(parent, tenant);
        Map<String, Quantity> quota = tenant.getSpec().resourceQuotas;
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(NamespaceFor.desired(placement));
        objects.add(ServiceAccountFor.desired(placement));
        objects.addAll(RoleBindingsFor.desired(placement, ""));
        objects.add(ReleaseServiceAccountFor.desired(placement));
        objects.add(ReleaseRoleBindingFor.desired(placement));
        objects.addAll(NetworkPoliciesFor.desired(placement, TenantNetwork.defaults()));
        objects.add(ResourceQuotaFor.desired(placement, quota));
        objects.add(LimitRangeFor.desired(placement));
        for (HasMetadata object : objects) {
            Map<String, String> labels = new TreeMap<>(object.getMetadata().getLabels());
            labels.put(Labels.MANAGED_BY, FLOOR_MANAGER);
            object.getMetadata().setLabels(labels);
            client.resource(object).create();
        }
        TenantStatus status = new TenantStatus();
        status.namespace = placement.namespace();
        status.path = new ArrayList<>(placement.path());
        status.host = placement.host();
        status.services = placement.services();
        ReadyCondition.systemClock()
                .ready(tenant, status, "NamespaceReady", "Namespace " + placement.namespace() + " is ready");
        tenant.setStatus(status);
        client.resource(tenant).updateStatus();
        String now = Instant.now().toString();
        client.v1()
                .events()
                .inNamespace(parent.namespace())
                .resource(new EventBuilder()
                        .withNewMetadata()
                        .withName(name + "." + UUID.randomUUID().toString().substring(0, 8))
                        .endMetadata()
                        .withNewInvolvedObject()
                        .withApiVersion(tenant.getApiVersion())
                        .withKind(tenant.getKind())
                        .withName(name)
                        .withNamespace(parent.namespace())
                        .withUid(tenant.getMetadata().getUid())
                        .endInvolvedObject()
                        .withType("Normal")
                        .withReason("NamespaceReady")
                        .withMessage("Namespace " + placement.namespace() + " is ready")
                        .withFirstTimestamp(now)
                        .withLastTimestamp(now)
                        .withCount(1)
                        .build())
                .create();
        return placement;
    }

    private Set<String> floorNamespaces() {
        Set<String> namespaces = ConcurrentHashMap.newKeySet();
        client.resources(Tenant.class).inAnyNamespace().list().getItems().stream()
                .filter(t -> t.getStatus() != null
                        && t.getStatus().namespace != null
                        && t.getStatus().namespace.startsWith("tenant-floor"))
                .forEach(t -> namespaces.add(t.getMetadata().getNamespace()));
        return namespaces;
    }

    /** Starts the service again on the unchanged tree, lets it reconcile every tenant, and counts the objects it wrote. */
    private int writtenAfterRestart(Path jar, TestKubernetes kubernetes, Map<String, String> before) throws Exception {
        try (ServiceProcess restarted = ServiceProcess.start(jar, kubernetes, List.of())) {
            restarted.awaitReady(Duration.ofMinutes(2));
            Thread.sleep(15_000);
        }
        Map<String, String> after = serviceObjectVersions();
        return (int) before.entrySet().stream()
                .filter(e -> !e.getValue().equals(after.get(e.getKey())))
                .count();
    }

    /** Resource versions of every Tenant and of every object tenant-service manages, by uid. */
    private Map<String, String> serviceObjectVersions() {
        String managed = Labels.MANAGED_BY + "=" + Labels.managedBy(TenantPlacement.SERVICE_NAME);
        Map<String, String> versions = new TreeMap<>();
        java.util.stream.Stream.of(
                        client.resources(Tenant.class).inAnyNamespace().list().getItems(),
                        client.namespaces().withLabelSelector(managed).list().getItems(),
                        client.serviceAccounts()
                                .inAnyNamespace()
                                .withLabelSelector(managed)
                                .list()
                                .getItems(),
                        client.rbac()
                                .roleBindings()
                                .inAnyNamespace()
                                .withLabelSelector(managed)
                                .list()
                                .getItems(),
                        client.network()
                                .v1()
                                .networkPolicies()
                                .inAnyNamespace()
                                .withLabelSelector(managed)
                                .list()
                                .getItems(),
                        client.resourceQuotas()
                                .inAnyNamespace()
                                .withLabelSelector(managed)
                                .list()
                                .getItems(),
                        client.limitRanges()
                                .inAnyNamespace()
                                .withLabelSelector(managed)
                                .list()
                                .getItems())
                .flatMap(List::stream)
                .forEach(o -> versions.put(
                        ((HasMetadata) o).getMetadata().getUid(),
                        ((HasMetadata) o).getMetadata().getResourceVersion()));
        return versions;
    }

    private record Run(double seconds, Latencies ready) {}

    /** CPU time used by the API server, etcd and (if running) the service: where a run's time goes on a small machine. */
    private record Cpu(double apiServer, double etcd, double service) {
        static Cpu now(ServiceProcess service) throws java.io.IOException {
            return new Cpu(
                    ServiceProcess.cpuSecondsOf("kube-apiserver"),
                    ServiceProcess.cpuSecondsOf("etcd"),
                    service == null ? 0 : service.cpuSeconds());
        }

        Cpu minus(Cpu before) {
            return new Cpu(apiServer - before.apiServer, etcd - before.etcd, service - before.service);
        }

        @Override
        public String toString() {
            return String.format("kube-apiserver %.1f, etcd %.1f, tenant-service %.1f", apiServer, etcd, service);
        }
    }

    /** The same tree through the service: a child is created as soon as its parent is Ready. */
    private Run service(String prefix, int total) throws InterruptedException {
        Latencies ready = new Latencies();
        CountDownLatch done = new CountDownLatch(total);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        Map<String, Integer> levels = new ConcurrentHashMap<>();
        Watch watch = watchReady(tenant -> {
            String key = key(tenant);
            Integer level = levels.get(key);
            if (level != null && ready.end(key)) {
                done.countDown();
                if (level + 1 < fanOut.length) {
                    for (int c = 0; c < fanOut[level + 1]; c++) {
                        submitCreate(
                                pool, tenant.getStatus().namespace, childName(level + 1, c), level + 1, levels, ready);
                    }
                }
            }
        });
        long start = System.nanoTime();
        for (int i = 0; i < fanOut[0]; i++) {
            submitCreate(pool, TenantNamespaceName.ROOT, prefix + i, 0, levels, ready);
        }
        done.await(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        watch.close();
        pool.shutdown();
        return new Run(seconds, ready);
    }

    private void submitCreate(
            ExecutorService pool,
            String namespace,
            String name,
            int level,
            Map<String, Integer> levels,
            Latencies ready) {
        pool.submit(() -> {
            String key = namespace + "/" + name;
            levels.put(key, level);
            ready.start(key);
            try {
                client.resource(tenant(namespace, name, level)).create();
            } catch (RuntimeException e) {
                System.err.println("create of " + key + " failed: " + e.getMessage());
            }
        });
    }

    /** One tenant at a time on the now idle service: its create → Ready. */
    private Latencies singleTenants() throws InterruptedException {
        Latencies ready = new Latencies();
        Map<String, CountDownLatch> done = new ConcurrentHashMap<>();
        Watch watch = watchReady(tenant -> {
            if (ready.end(key(tenant))) {
                Optional.ofNullable(done.get(key(tenant))).ifPresent(CountDownLatch::countDown);
            }
        });
        for (int i = 0; i < SINGLE_RUNS; i++) {
            String name = "single" + i;
            String key = TenantNamespaceName.ROOT + "/" + name;
            done.put(key, new CountDownLatch(1));
            ready.start(key);
            client.resource(tenant(TenantNamespaceName.ROOT, name, 0)).create();
            done.get(key).await(1, TimeUnit.MINUTES);
            Thread.sleep(200);
        }
        watch.close();
        return ready;
    }

    private Watch watchReady(java.util.function.Consumer<Tenant> onReady) {
        // from the current resource version: a watch without one first replays every existing Tenant, which would
        // delay the events measured here by the time this process takes to read them
        String now = client.resources(Tenant.class)
                .inAnyNamespace()
                .list(new ListOptionsBuilder().withLimit(1L).build())
                .getMetadata()
                .getResourceVersion();
        return client.resources(Tenant.class)
                .inAnyNamespace()
                .withResourceVersion(now)
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Tenant tenant) {
                        if (action != Action.DELETED
                                && tenant.getStatus() != null
                                && ReadyCondition.find(tenant.getStatus().conditions, ReadyCondition.TYPE)
                                        .map(c -> ReadyCondition.TRUE.equals(c.getStatus()))
                                        .orElse(false)) {
                            onReady.accept(tenant);
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        if (cause != null) {
                            System.err.println("watch closed: " + cause.getMessage());
                        }
                    }
                });
    }

    /** A tenant of the tree; each level's quota fits its parent's with all siblings: 10 × (64, 128Gi) ⊃ 7 × (8, 16Gi) ⊃ 6 × (1, 2Gi). */
    private static Tenant tenant(String namespace, String name, int level) {
        Tenant tenant = new Tenant();
        tenant.getMetadata().setNamespace(namespace);
        tenant.getMetadata().setName(name);
        String[][] quotas = {{"64", "128Gi"}, {"8", "16Gi"}, {"1", "2Gi"}};
        tenant.getSpec().resourceQuotas =
                new TreeMap<>(Map.of("cpu", new Quantity(quotas[level][0]), "memory", new Quantity(quotas[level][1])));
        return tenant;
    }

    private static String childName(int level, int index) {
        return (level == 1 ? "team" : "env") + index;
    }

    private static String key(Tenant tenant) {
        return tenant.getMetadata().getNamespace() + "/" + tenant.getMetadata().getName();
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
