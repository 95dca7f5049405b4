package dev.hearth.catalog.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.hearth.catalog.definition.BuiltInDefinitions;
import dev.hearth.catalog.instance.HelmReleaseFor;
import dev.hearth.catalog.instance.TenantContext;
import dev.hearth.core.Labels;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.bench.Latencies;
import dev.hearth.core.testing.bench.ServiceProcess;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

/**
 * Benchmark (not a test): N Postgres instances across T tenants on the real API server, reconciled by the real
 * apps-catalog process, against two raw floors measured in the same run by a bare client with as many threads:
 * <ol>
 * <li>the same HelmReleases alone (what the issue names);</li>
 * <li>the same instances and their HelmReleases: the writes the end-to-end run cannot avoid, since the benchmark itself
 * creates the instances there.</li>
 * </ol>
 * Prints the time from the first instance created until every HelmRelease exists, per-instance latency (instance
 * created → its HelmRelease seen) p50/p99, the service's RSS and CPU, and both ratios floor / service. The service is
 * warmed up first (as JMH would), so the JIT compiles its hot paths before the measured run.
 *
 * <p>Run with {@code scripts/benchmark.sh apps-catalog [instances [tenants]]}.
 */
public final class CatalogBenchmark {
    private static final String HR_API = "helm.toolkit.fluxcd.io/v2";
    private static final int WRITERS = 8;
    private static final int WARMUP_INSTANCES = 300;
    /** A steady rate well below what the API server sustains here (about 50 instances/s at three writes each). */
    private static final int PACED_PER_SECOND = 25;

    private final KubernetesClient client;
    private final ApplicationDefinition postgres;

    private CatalogBenchmark(KubernetesClient client) {
        this.client = client;
        this.postgres = BuiltInDefinitions.load(client.getKubernetesSerialization()).stream()
                .filter(d -> "postgres".equals(d.getMetadata().getName())).findFirst().orElseThrow();
    }

    public static void main(String[] args) throws Exception {
        Path appJar = Path.of(args[0]);
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int tenants = args.length > 2 ? Integer.parseInt(args[2]) : 50;

        TestKubernetes kubernetes = TestKubernetes.shared().withHearthCrds().withUpstreamCrds("helm.toolkit.fluxcd.io", "source.toolkit.fluxcd.io");
        KubernetesClient client = kubernetes.client();
        CatalogBenchmark benchmark = new CatalogBenchmark(client);
        List<String> namespaces = benchmark.namespaces("tenant-bench", tenants);
        List<String> floorNamespaces = benchmark.namespaces("tenant-floor", tenants);

        // apps-catalog defines the Postgres kind; then it stops while the floors are measured, whose instances are
        // deleted again before it starts anew, so that it never sees them
        try (ServiceProcess app = ServiceProcess.start(appJar, kubernetes, List.of())) {
            app.awaitReady(Duration.ofMinutes(3));
            benchmark.waitUntilServed(Duration.ofMinutes(3));
        }
        double hrFloor = timed(() -> parallel(instances, i -> client.resource(benchmark.floorHelmRelease(
                postgres(floorNamespaces.get(i % tenants), "hr" + i), UUID.randomUUID().toString())).create()));
        Latencies pairLatencies = new Latencies();
        double pairFloor = timed(() -> parallel(instances, i -> {
            pairLatencies.start("pair" + i);
            GenericKubernetesResource instance = client.resource(postgres(floorNamespaces.get(i % tenants), "pair" + i)).create();
            client.resource(benchmark.floorHelmRelease(instance, instance.getMetadata().getUid())).create();
            pairLatencies.end("pair" + i);
        }));
        floorNamespaces.forEach(namespace -> client.genericKubernetesResources("apps.hearth.dev/v1alpha1", "Postgres").inNamespace(namespace).delete());

        try (ServiceProcess app = ServiceProcess.start(appJar, kubernetes, List.of())) {
            System.out.println("apps-catalog log: " + app.log() + ", JVM options: " + System.getProperty("hearth.service-jvm-options"));
            app.awaitReady(Duration.ofMinutes(3));
            benchmark.waitUntilServed(Duration.ofMinutes(3));
            benchmark.run(benchmark.namespaces("tenant-warmup", 10), WARMUP_INSTANCES, "warm", 0);
            Thread.sleep(5_000);
            double cpuBefore = app.cpuSeconds();
            Run run = benchmark.run(namespaces, instances, "db", 0);
            double cpu = app.cpuSeconds() - cpuBefore;
            Thread.sleep(10_000);
            Run paced = benchmark.run(namespaces, instances, "paced", PACED_PER_SECOND);

            System.out.println();
            System.out.printf("apps-catalog benchmark: %d Postgres instances across %d tenants (%d writer threads)%n", instances, tenants, WRITERS);
            System.out.printf("  all HelmReleases exist: %s%n", run.done ? "yes" : "NO (timed out: " + run.latencies.ended() + " seen)");
            System.out.printf("  raw floor 1, bare client writes the %d HelmReleases: %.2f s%n", instances, hrFloor);
            System.out.printf("  raw floor 2, bare client writes the %d instances and their HelmReleases: %.2f s%n", instances, pairFloor);
            System.out.printf("  service (first instance created -> every HelmRelease exists): %.2f s%n", run.seconds);
            System.out.printf("  ratio floor/service: %.2f against floor 1, %.2f against floor 2 (target >= 0.7)%n",
                    hrFloor / run.seconds, pairFloor / run.seconds);
            System.out.printf("  latency instance -> HelmRelease: p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 <= 250 ms)%n",
                    run.latencies.percentileMillis(50), run.latencies.percentileMillis(99), run.latencies.percentileMillis(100));
            System.out.printf("  floor 2's own latency, instance create started -> its HelmRelease written: p50 %.0f ms, p99 %.0f ms%n",
                    pairLatencies.percentileMillis(50), pairLatencies.percentileMillis(99));
            System.out.printf("  paced, %d instances created at %d per second: all exist %s in %.2f s; latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    instances, PACED_PER_SECOND, paced.done ? "yes" : "NO", paced.seconds, paced.latencies.percentileMillis(50),
                    paced.latencies.percentileMillis(99), paced.latencies.percentileMillis(100));
            System.out.println("  paced, slower than 250 ms (start offset:latency): " + paced.latencies.slowerThan(250, paced.start));
            System.out.printf("  apps-catalog CPU during the run: %.1f s; RSS after the run: %d MiB (target <= 300 MB)%n", cpu, app.rssMiB());
        }
        System.exit(0);
    }

    private record Run(boolean done, double seconds, Latencies latencies, long start) {
    }

    /**
     * Creates {@code count} instances with {@link #WRITERS} threads, as fast as they can or {@code perSecond} a second,
     * and waits until each one's HelmRelease exists.
     */
    private Run run(List<String> namespaces, int count, String prefix, int perSecond) throws InterruptedException {
        Latencies latencies = new Latencies();
        CountDownLatch all = new CountDownLatch(count);
        // from the current resource version: a watch without one first replays every existing HelmRelease, which
        // would delay the events measured here by the time this process takes to read them
        var helmReleases = client.genericKubernetesResources(HR_API, "HelmRelease").inAnyNamespace().withLabel(Labels.APPLICATION_KIND, "Postgres");
        String now = helmReleases.list(new ListOptionsBuilder().withLimit(1L).build()).getMetadata().getResourceVersion();
        Watch watch = helmReleases.withResourceVersion(now)
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource hr) {
                        String instance = hr.getMetadata().getLabels().get(Labels.APPLICATION_NAME);
                        if (action == Action.ADDED && instance.startsWith(prefix) && latencies.end(hr.getMetadata().getNamespace() + "/" + instance)) {
                            all.countDown();
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                });
        long start = System.nanoTime();
        parallel(count, i -> {
            if (perSecond > 0) {
                long due = start + TimeUnit.SECONDS.toNanos(i) / perSecond;
                TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            }
            String namespace = namespaces.get(i % namespaces.size());
            latencies.start(namespace + "/" + prefix + i);
            client.resource(postgres(namespace, prefix + i)).create();
        });
        boolean done = all.await(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        watch.close();
        return new Run(done, seconds, latencies, start);
    }

    private List<String> namespaces(String prefix, int count) {
        List<String> namespaces = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            String namespace = prefix + t;
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).serverSideApply();
            namespaces.add(namespace);
        }
        return namespaces;
    }

    private void waitUntilServed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var definition = client.genericKubernetesResources("platform.hearth.dev/v1alpha1", "ApplicationDefinition").withName("postgres").get();
            if (definition != null && String.valueOf(definition.getAdditionalProperties().get("status")).contains("Serving")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("apps-catalog did not serve Postgres within " + timeout);
    }

    private static GenericKubernetesResource postgres(String namespace, String name) {
        GenericKubernetesResource instance = new GenericKubernetesResource();
        instance.setApiVersion("apps.hearth.dev/v1alpha1");
        instance.setKind("Postgres");
        instance.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        instance.setAdditionalProperty("spec", Map.of("replicas", 2, "size", "10Gi"));
        return instance;
    }

    /** Exactly the HelmRelease the service writes for {@code instance}, but for its labels: the service must not see it. */
    private GenericKubernetesResource floorHelmRelease(GenericKubernetesResource instance, String uid) {
        instance.getMetadata().setUid(uid);
        GenericKubernetesResource hr = HelmReleaseFor.instance(instance, postgres, TenantContext.NONE);
        Map<String, String> labels = new HashMap<>(hr.getMetadata().getLabels());
        labels.remove(Labels.APPLICATION_KIND);
        labels.put("hearth.dev/benchmark", "floor");
        hr.getMetadata().setLabels(labels);
        return hr;
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

    private static void parallel(int count, Task task) throws InterruptedException {
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
