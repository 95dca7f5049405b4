package dev.hearth.catalog.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

/**
 * Benchmark (not a test): N Postgres instances across T tenants on the real API server, reconciled by the real
 * apps-catalog process, against the raw floor of writing the same HelmReleases with a bare client. Prints the time
 * until every HelmRelease exists, per-instance latency (instance created → its HelmRelease seen) p50/p99, the
 * service's RSS, and the ratio floor / service.
 *
 * <p>Run with {@code scripts/bench-apps-catalog.sh [instances] [tenants]}.
 */
public final class CatalogBenchmark {
    private static final String HR_API = "helm.toolkit.fluxcd.io/v2";

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int tenants = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path appJar = Path.of(args.length > 2 ? args[2] : "apps-catalog/target/quarkus-app/quarkus-run.jar");
        int writers = 8;

        TestKubernetes kubernetes = TestKubernetes.shared().withHearthCrds().withUpstreamCrds("helm.toolkit.fluxcd.io", "source.toolkit.fluxcd.io");
        KubernetesClient client = kubernetes.client();
        List<String> namespaces = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            String ns = "tenant-bench" + t;
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).serverSideApply();
            namespaces.add(ns);
        }

        // 1. the raw floor: the same number of HelmReleases written by one bare client, as fast as it can
        long floorStart = System.nanoTime();
        parallel(writers, instances, i -> client.resource(rawHelmRelease(namespaces.get(i % tenants), "floor" + i)).create());
        double floorSeconds = (System.nanoTime() - floorStart) / 1e9;

        // 2. the service: start apps-catalog, wait until Postgres is served, then create the instances
        Process app = startApp(appJar, kubernetes);
        try {
            waitUntil(Duration.ofMinutes(3), () -> served(client));
            Map<String, Long> created = new ConcurrentHashMap<>();
            Map<String, Long> seen = new ConcurrentHashMap<>();
            CountDownLatch all = new CountDownLatch(instances);
            Watch watch = client.genericKubernetesResources(HR_API, "HelmRelease").inAnyNamespace()
                    .withLabel("apps.hearth.dev/application.kind", "Postgres")
                    .watch(new Watcher<>() {
                        @Override
                        public void eventReceived(Action action, GenericKubernetesResource hr) {
                            if (action == Action.ADDED && seen.putIfAbsent(key(hr.getMetadata().getNamespace(), hr.getMetadata().getName()), System.nanoTime()) == null) {
                                all.countDown();
                            }
                        }

                        @Override
                        public void onClose(WatcherException cause) {
                        }
                    });
            long start = System.nanoTime();
            parallel(writers, instances, i -> {
                String ns = namespaces.get(i % tenants);
                client.resource(postgres(ns, "db" + i)).create();
                created.put(key(ns, "postgres-db" + i), System.nanoTime());
            });
            boolean done = all.await(10, TimeUnit.MINUTES);
            double serviceSeconds = (System.nanoTime() - start) / 1e9;
            watch.close();

            List<Double> latencies = new ArrayList<>();
            created.forEach((k, t) -> {
                Long s = seen.get(k);
                if (s != null) {
                    latencies.add(Math.max(0, (s - t) / 1e6));
                }
            });
            Collections.sort(latencies);
            long rssKb = rssKb(app.pid());
            System.out.println();
            System.out.printf("apps-catalog benchmark: %d instances across %d tenants (%d writer threads)%n", instances, tenants, writers);
            System.out.printf("  all HelmReleases exist: %s%n", done ? "yes" : "NO (timed out: " + seen.size() + " seen)");
            System.out.printf("  raw floor (bare client writes %d HelmReleases): %.2f s%n", instances, floorSeconds);
            System.out.printf("  service (instances created -> every HelmRelease exists): %.2f s%n", serviceSeconds);
            System.out.printf("  ratio floor/service: %.2f (target >= 0.7)%n", floorSeconds / serviceSeconds);
            System.out.printf("  latency instance -> HelmRelease: p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 <= 250 ms)%n",
                    percentile(latencies, 50), percentile(latencies, 99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
            System.out.printf("  apps-catalog RSS after the run: %d MB (target <= 300 MB)%n", rssKb / 1024);
        } finally {
            app.destroy();
            app.waitFor(10, TimeUnit.SECONDS);
            System.exit(0);
        }
    }

    private static Process startApp(Path jar, TestKubernetes kubernetes) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-XX:+UseSerialGC"));
        kubernetes.quarkusClientProperties().forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-Dquarkus.http.port=0", "-Dhearth.catalog.instance-threads=8", "-jar", jar.toString()));
        Path log = Files.createTempFile("apps-catalog-bench", ".log");
        System.out.println("apps-catalog log: " + log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static boolean served(KubernetesClient client) {
        var crd = client.apiextensions().v1().customResourceDefinitions().withName("postgreses.apps.hearth.dev").get();
        if (crd == null) {
            return false;
        }
        var definition = client.genericKubernetesResources("platform.hearth.dev/v1alpha1", "ApplicationDefinition").withName("postgres").get();
        return definition != null && String.valueOf(definition.getAdditionalProperties().get("status")).contains("Serving");
    }

    private static GenericKubernetesResource postgres(String namespace, String name) {
        GenericKubernetesResource instance = new GenericKubernetesResource();
        instance.setApiVersion("apps.hearth.dev/v1alpha1");
        instance.setKind("Postgres");
        instance.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        instance.setAdditionalProperty("spec", Map.of("replicas", 2, "size", "10Gi"));
        return instance;
    }

    private static GenericKubernetesResource rawHelmRelease(String namespace, String name) {
        GenericKubernetesResource hr = new GenericKubernetesResource();
        hr.setApiVersion(HR_API);
        hr.setKind("HelmRelease");
        hr.setMetadata(new ObjectMetaBuilder().withName("postgres-" + name).withNamespace(namespace)
                .withLabels(Map.of("apps.hearth.dev/application.kind", "Floor")).build());
        hr.setAdditionalProperty("spec", Map.of(
                "interval", "5m",
                "chart", Map.of("spec", Map.of("chart", "postgres", "version", "0.1.0",
                        "sourceRef", Map.of("kind", "HelmRepository", "name", "hearth-apps", "namespace", "hearth-system"))),
                "values", Map.of("replicas", 2, "size", "10Gi")));
        return hr;
    }

    interface Task {
        void run(int i) throws Exception;
    }

    private static void parallel(int threads, int count, Task task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
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

    private static void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("apps-catalog did not serve Postgres within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
