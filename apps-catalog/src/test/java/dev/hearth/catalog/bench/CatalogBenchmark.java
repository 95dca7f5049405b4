package dev.hearth.catalog.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.hearth.catalog.definition.BuiltInDefinitions;
import dev.hearth.catalog.instance.CredentialsRoleBindingFor;
import dev.hearth.catalog.instance.CredentialsRoleFor;
import dev.hearth.catalog.instance.HelmReleaseFor;
import dev.hearth.core.Labels;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.tenant.TenantFacts;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.bench.Latencies;
import dev.hearth.core.testing.bench.ServiceProcess;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

/**
 * Benchmark (not a test): N Postgres instances across T tenants on the real API server, reconciled by the real
 * apps-catalog process, against raw floors measured in the same run by bare clients:
 * <ol>
 * <li>the same HelmReleases alone, written by 8 threads;</li>
 * <li>the same instances and their HelmReleases, each pair written one after the other by one of 8 threads;</li>
 * <li>the burst below with a bare client in place of the service: it watches the instances and creates each one's
 * HelmRelease, nothing else.</li>
 * </ol>
 * Then, with the service warmed up first (as JMH would): catch-up (N instances wait while their kind is not served;
 * the time from applying the definition until every HelmRelease exists, against floor 1), burst (8 threads create N
 * instances as fast as they can; the time until every HelmRelease exists, against floor 2, and each instance's
 * latency from its creation until its HelmRelease is seen, against floor 3) and steady rates; the service's RSS and
 * CPU.
 *
 * <p>Run with {@code scripts/benchmark.sh apps-catalog [instances [tenants]]}.
 */
public final class CatalogBenchmark {
    private static final String HR_API = "helm.toolkit.fluxcd.io/v2";
    private static final String INSTANCE_API = "apps.hearth.dev/v1alpha1";
    /** The service's field manager, which the HelmReleases it writes carry as managed-by label. */
    private static final String FIELD_MANAGER = Labels.managedBy("apps-catalog");

    private static final int WRITERS = 8;
    /** As many threads as apps-catalog applies HelmReleases with (hearth.catalog.apply-threads). */
    private static final int REACTIVE_THREADS = 16;

    private static final int WARMUP_INSTANCES = 300;
    /**
     * Steady rates up to what the API server sustains here: each instance costs three writes (the instance, its
     * release, its status), and floor 2 manages about 150 writes a second, so 50 a second is the saturation point.
     */
    private static final int[] PACED_PER_SECOND = {25, 35, 50};

    private final KubernetesClient client;
    private final ApplicationDefinition postgres;

    private CatalogBenchmark(KubernetesClient client) {
        this.client = client;
        this.postgres = postgresDefinition(client);
    }

    /** The built-in Postgres definition, as apps-catalog applies it. */
    static ApplicationDefinition postgresDefinition(KubernetesClient client) {
        return BuiltInDefinitions.load(client.getKubernetesSerialization()).stream()
                .filter(d -> "postgres".equals(d.getMetadata().getName()))
                .findFirst()
                .orElseThrow();
    }

    public static void main(String[] args) throws Exception {
        Path appJar = Path.of(args[0]);
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int tenants = args.length > 2 ? Integer.parseInt(args[2]) : 50;

        TestKubernetes kubernetes = TestKubernetes.shared()
                .withHearthCrds()
                .withUpstreamCrds("helm.toolkit.fluxcd.io", "source.toolkit.fluxcd.io");
        KubernetesClient client = kubernetes.client();
        CatalogBenchmark benchmark = new CatalogBenchmark(client);
        List<String> namespaces = namespaces(client, "tenant-bench", tenants);
        List<String> floorNamespaces = namespaces(client, "tenant-floor", tenants);

        // apps-catalog defines the Postgres kind; then it stops while the floors are measured, whose instances are
        // deleted again before it starts anew, so that it never sees them
        try (ServiceProcess app = ServiceProcess.start(appJar, kubernetes, List.of())) {
            app.awaitReady(Duration.ofMinutes(3));
            waitUntilServed(client, Duration.ofMinutes(3));
        }
        double hrFloor = timed(() -> parallel(
                instances,
                i -> client.resource(floorHelmRelease(
                                benchmark.postgres,
                                postgres(floorNamespaces.get(i % tenants), "hr" + i),
                                UUID.randomUUID().toString()))
                        .create()));
        double allFloor = timed(() -> parallel(instances, i -> {
            GenericKubernetesResource instance = postgres(floorNamespaces.get(i % tenants), "all" + i);
            client.resource(floorHelmRelease(
                            benchmark.postgres, instance, UUID.randomUUID().toString()))
                    .create();
            floorCredentials(benchmark.postgres, instance)
                    .forEach(o -> client.resource(o).create());
        }));
        Latencies pairLatencies = new Latencies();
        double pairFloor = timed(() -> parallel(instances, i -> {
            GenericKubernetesResource instance = client.resource(postgres(floorNamespaces.get(i % tenants), "pair" + i))
                    .create();
            pairLatencies.start("pair" + i);
            client.resource(floorHelmRelease(
                            benchmark.postgres, instance, instance.getMetadata().getUid()))
                    .create();
            pairLatencies.end("pair" + i);
        }));
        Run reactiveFloor = benchmark.reactiveFloor(floorNamespaces, instances, "react");
        floorNamespaces.forEach(namespace -> {
            client.genericKubernetesResources(INSTANCE_API, "Postgres")
                    .inNamespace(namespace)
                    .delete();
            client.genericKubernetesResources(HR_API, "HelmRelease")
                    .inNamespace(namespace)
                    .delete();
            client.rbac()
                    .roleBindings()
                    .inNamespace(namespace)
                    .withLabel("hearth.dev/benchmark", "floor")
                    .delete();
            client.rbac()
                    .roles()
                    .inNamespace(namespace)
                    .withLabel("hearth.dev/benchmark", "floor")
                    .delete();
        });

        try (ServiceProcess app = ServiceProcess.start(appJar, kubernetes, List.of())) {
            System.out.println("apps-catalog log: " + app.log() + ", JVM options: " + app.jvmOptions());
            app.awaitReady(Duration.ofMinutes(3));
            waitUntilServed(client, Duration.ofMinutes(3));
            benchmark.burst(namespaces(client, "tenant-warmup", 10), WARMUP_INSTANCES, "warm", 0);
            Thread.sleep(5_000);
            double cpuBefore = app.cpuSeconds();
            Run catchUp = benchmark.catchUp(namespaces, instances, "late");
            double catchUpCpu = app.cpuSeconds() - cpuBefore;
            Thread.sleep(10_000);
            cpuBefore = app.cpuSeconds();
            Run burst = benchmark.burst(namespaces, instances, "db", 0);
            double burstCpu = app.cpuSeconds() - cpuBefore;
            Thread.sleep(10_000);
            Map<Integer, Run> paced = new LinkedHashMap<>();
            for (int perSecond : PACED_PER_SECOND) {
                paced.put(perSecond, benchmark.burst(namespaces, instances, "paced" + perSecond + "-", perSecond));
                Thread.sleep(10_000);
            }

            System.out.println();
            System.out.printf(
                    "apps-catalog benchmark: %d Postgres instances across %d tenants (%d writer threads)%n",
                    instances, tenants, WRITERS);
            System.out.printf("  raw floor 1, bare client writes the %d HelmReleases: %.2f s%n", instances, hrFloor);
            System.out.printf(
                    "  raw floor 1b, bare client writes the %d HelmReleases and their credentials Roles and RoleBindings: %.2f s%n",
                    instances, allFloor);
            System.out.printf(
                    "  raw floor 2, bare client writes the %d instances and their HelmReleases: %.2f s%n",
                    instances, pairFloor);
            System.out.printf(
                    "  catch-up, %d instances waiting when their definition is applied -> every HelmRelease exists: %s %.2f s; "
                            + "ratio floor 1 / catch-up %.2f (target >= 0.7); apps-catalog CPU %.1f s%n",
                    instances, catchUp.done ? "" : "NOT ALL,", catchUp.seconds, hrFloor / catchUp.seconds, catchUpCpu);
            System.out.printf(
                    "  catch-up, definition applied -> every credentials RoleBinding exists too: %s %.2f s; ratio floor 1b / that %.2f%n",
                    catchUp.credentialsSeconds < 0 ? "NOT ALL," : "",
                    Math.abs(catchUp.credentialsSeconds),
                    allFloor / Math.abs(catchUp.credentialsSeconds));
            System.out.printf(
                    "  burst, first instance created -> every HelmRelease exists: %s %.2f s; ratio floor 2 / burst %.2f; apps-catalog CPU %.1f s%n",
                    burst.done ? "" : "NOT ALL,", burst.seconds, pairFloor / burst.seconds, burstCpu);
            System.out.printf(
                    "  burst, first instance created -> every credentials RoleBinding exists too: %s %.2f s%n",
                    burst.credentialsSeconds < 0 ? "NOT ALL," : "", Math.abs(burst.credentialsSeconds));
            System.out.printf(
                    "  burst, latency instance created -> its HelmRelease seen: p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 <= 250 ms)%n",
                    burst.latencies.percentileMillis(50),
                    burst.latencies.percentileMillis(99),
                    burst.latencies.percentileMillis(100));
            System.out.printf(
                    "  burst, the benchmark's own create calls: p50 %.0f ms, p99 %.0f ms%n",
                    burst.calls.percentileMillis(50), burst.calls.percentileMillis(99));
            System.out.printf(
                    "  raw floor 3, burst with a bare client in place of the service (it watches the instances and creates each HelmRelease, %d threads): "
                            + "%.2f s; latency instance created -> its HelmRelease seen: p50 %.0f ms, p99 %.0f ms, max %.0f ms; create calls p50 %.0f ms, p99 %.0f ms%n",
                    REACTIVE_THREADS,
                    reactiveFloor.seconds,
                    reactiveFloor.latencies.percentileMillis(50),
                    reactiveFloor.latencies.percentileMillis(99),
                    reactiveFloor.latencies.percentileMillis(100),
                    reactiveFloor.calls.percentileMillis(50),
                    reactiveFloor.calls.percentileMillis(99));
            System.out.printf(
                    "  floor 2's own latency, instance created -> its HelmRelease written: p50 %.0f ms, p99 %.0f ms%n",
                    pairLatencies.percentileMillis(50), pairLatencies.percentileMillis(99));
            paced.forEach((perSecond, run) -> {
                System.out.printf(
                        "  paced, %d instances created at %d per second: all exist %s in %.2f s; latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                        instances,
                        perSecond,
                        run.done ? "yes" : "NO",
                        run.seconds,
                        run.latencies.percentileMillis(50),
                        run.latencies.percentileMillis(99),
                        run.latencies.percentileMillis(100));
                System.out.println(
                        "    slower than 250 ms (start offset:latency): " + run.latencies.slowerThan(250, run.start));
            });
            System.out.printf("  apps-catalog RSS after the runs: %d MiB (target <= 300 MB)%n", app.rssMiB());
        }
        System.exit(0);
    }

    /**
     * @param credentialsSeconds until every instance's credentials RoleBinding existed as well (negative: not all
     *     within the wait; zero: not watched)
     */
    private record Run(
            boolean done,
            double seconds,
            double credentialsSeconds,
            Latencies latencies,
            Latencies calls,
            long start) {}

    /**
     * Creates {@code count} instances with {@link #WRITERS} threads, as fast as they can or {@code perSecond} a second,
     * and waits until each one's HelmRelease exists; latency counts from each create call's return.
     */
    private Run burst(List<String> namespaces, int count, String prefix, int perSecond) throws InterruptedException {
        return burst(namespaces, count, prefix, perSecond, true);
    }

    private Run burst(List<String> namespaces, int count, String prefix, int perSecond, boolean credentials)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        Latencies calls = new Latencies();
        return measured(
                prefix,
                count,
                latencies,
                calls,
                credentials,
                start -> parallel(count, i -> {
                    if (perSecond > 0) {
                        long due = start + TimeUnit.SECONDS.toNanos(i) / perSecond;
                        TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
                    }
                    String namespace = namespaces.get(i % namespaces.size());
                    String key = namespace + "/" + prefix + i;
                    calls.start(key);
                    client.resource(postgres(namespace, prefix + i)).create();
                    calls.end(key);
                    latencies.start(key);
                }));
    }

    /**
     * The service's own pace, without the benchmark's writes competing: {@code count} instances wait while their kind
     * is not served (its definition deleted: the controller stops, the CRD stays), then the definition is applied again
     * and the time runs until every HelmRelease exists.
     */
    private Run catchUp(List<String> namespaces, int count, String prefix) throws InterruptedException {
        var definitions = client.resources(ApplicationDefinition.class);
        definitions.withName("postgres").delete();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (definitions.withName("postgres").get() != null && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        parallel(
                count,
                i -> client.resource(postgres(namespaces.get(i % namespaces.size()), prefix + i))
                        .create());
        Thread.sleep(2_000);
        postgres.getMetadata().setResourceVersion(null);
        return measured(
                prefix,
                count,
                new Latencies(),
                new Latencies(),
                true,
                start -> client.resource(postgres).create());
    }

    /**
     * The burst with the least a controller can do in place of apps-catalog: a bare client watches the instances and
     * creates each one's HelmRelease (no cache, no status). Its latency is the API server's under this load.
     */
    private Run reactiveFloor(List<String> namespaces, int count, String prefix) throws InterruptedException {
        ExecutorService writers = Executors.newFixedThreadPool(REACTIVE_THREADS);
        var instances =
                client.genericKubernetesResources(INSTANCE_API, "Postgres").inAnyNamespace();
        String now = instances
                .list(new ListOptionsBuilder().withLimit(1L).build())
                .getMetadata()
                .getResourceVersion();
        Watch watch = instances.withResourceVersion(now).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource instance) {
                if (action == Action.ADDED && instance.getMetadata().getName().startsWith(prefix)) {
                    writers.submit(() -> client.resource(
                                    HelmReleaseFor.desired(instance, postgres, TenantFacts.NONE, FIELD_MANAGER))
                            .create());
                }
            }

            @Override
            public void onClose(WatcherException cause) {}
        });
        try {
            return burst(namespaces, count, prefix, 0, false);
        } finally {
            watch.close();
            writers.shutdown();
        }
    }

    interface Work {
        void run(long start) throws Exception;
    }

    /** Runs {@code action} and waits until the HelmReleases of {@code count} instances named {@code prefix}* exist. */
    private Run measured(String prefix, int count, Latencies latencies, Latencies calls, boolean credentials, Work work)
            throws InterruptedException {
        CountDownLatch all = new CountDownLatch(count);
        CountDownLatch allCredentials = new CountDownLatch(credentials ? count : 0);
        Set<String> bound = ConcurrentHashMap.newKeySet();
        // from the current resource version: a watch without one first replays every existing HelmRelease, which
        // would delay the events measured here by the time this process takes to read them
        var helmReleases = client.genericKubernetesResources(HR_API, "HelmRelease")
                .inAnyNamespace()
                .withLabel(Labels.APPLICATION_KIND, "Postgres");
        String now = helmReleases
                .list(new ListOptionsBuilder().withLimit(1L).build())
                .getMetadata()
                .getResourceVersion();
        Watch watch = helmReleases.withResourceVersion(now).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource hr) {
                String instance = hr.getMetadata().getLabels().get(Labels.APPLICATION_NAME);
                if (action == Action.ADDED
                        && instance.startsWith(prefix)
                        && latencies.end(hr.getMetadata().getNamespace() + "/" + instance)) {
                    all.countDown();
                }
            }

            @Override
            public void onClose(WatcherException cause) {}
        });
        var roleBindings = client.rbac().roleBindings().inAnyNamespace().withLabel(Labels.APPLICATION_KIND, "Postgres");
        Watch bindingWatch = !credentials
                ? null
                : roleBindings
                        .withResourceVersion(roleBindings
                                .list(new ListOptionsBuilder().withLimit(1L).build())
                                .getMetadata()
                                .getResourceVersion())
                        .watch(new Watcher<>() {
                            @Override
                            public void eventReceived(Action action, RoleBinding binding) {
                                String instance =
                                        binding.getMetadata().getLabels().get(Labels.APPLICATION_NAME);
                                if (action == Action.ADDED
                                        && instance.startsWith(prefix)
                                        && bound.add(binding.getMetadata().getNamespace() + "/" + instance)) {
                                    allCredentials.countDown();
                                }
                            }

                            @Override
                            public void onClose(WatcherException cause) {}
                        });
        long start = System.nanoTime();
        try {
            work.run(start);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        boolean done = all.await(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        watch.close();
        double credentialsSeconds = 0;
        if (bindingWatch != null) {
            boolean allBound = allCredentials.await(3, TimeUnit.MINUTES);
            credentialsSeconds = (System.nanoTime() - start) / 1e9 * (allBound ? 1 : -1);
            bindingWatch.close();
        }
        return new Run(done, seconds, credentialsSeconds, latencies, calls, start);
    }

    static List<String> namespaces(KubernetesClient client, String prefix, int count) {
        List<String> namespaces = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            String namespace = prefix + t;
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .serverSideApply();
            namespaces.add(namespace);
        }
        return namespaces;
    }

    static void waitUntilServed(KubernetesClient client, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var definition = client.genericKubernetesResources("platform.hearth.dev/v1alpha1", "ApplicationDefinition")
                    .withName("postgres")
                    .get();
            if (definition != null
                    && String.valueOf(definition.getAdditionalProperties().get("status"))
                            .contains("Serving")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("apps-catalog did not serve Postgres within " + timeout);
    }

    /** A Postgres instance as a user would create it (also the app of apps-catalog's LeaderElectionIT). */
    public static GenericKubernetesResource postgres(String namespace, String name) {
        GenericKubernetesResource instance = new GenericKubernetesResource();
        instance.setApiVersion(INSTANCE_API);
        instance.setKind("Postgres");
        instance.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        instance.setAdditionalProperty("spec", Map.of("replicas", 2, "size", "10Gi"));
        return instance;
    }

    /** Exactly the HelmRelease the service writes for {@code instance}, but for its labels: the service must not see it. */
    static GenericKubernetesResource floorHelmRelease(
            ApplicationDefinition postgres, GenericKubernetesResource instance, String uid) {
        instance.getMetadata().setUid(uid);
        return unseenByTheService(HelmReleaseFor.desired(instance, postgres, TenantFacts.NONE, FIELD_MANAGER));
    }

    /** Exactly the credentials Role and RoleBinding the service writes for {@code instance}, but for their labels. */
    static List<HasMetadata> floorCredentials(ApplicationDefinition postgres, GenericKubernetesResource instance) {
        List<HasMetadata> credentials = new ArrayList<>();
        CredentialsRoleFor.desired(instance, postgres, FIELD_MANAGER).ifPresent(role -> {
            credentials.add(role);
            credentials.add(CredentialsRoleBindingFor.desired(instance, "", FIELD_MANAGER));
        });
        credentials.forEach(CatalogBenchmark::unseenByTheService);
        return credentials;
    }

    /** Without the kind label the service's informers select by, and marked as the floor's. */
    private static <T extends HasMetadata> T unseenByTheService(T object) {
        Map<String, String> labels = new HashMap<>(object.getMetadata().getLabels());
        labels.remove(Labels.APPLICATION_KIND);
        labels.put("hearth.dev/benchmark", "floor");
        object.getMetadata().setLabels(labels);
        return object;
    }

    interface Task {
        void run(int i) throws Exception;
    }

    interface Timed {
        void run() throws Exception;
    }

    private static double timed(Timed work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    static void parallel(int count, Task task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        for (int i = 0; i < count; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    task.run(n);
                } catch (Exception e) {
                    System.err.println("write " + n + " failed: " + e.getMessage());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
    }
}
