package dev.hearth.catalog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.hearth.catalog.CatalogTenant;
import dev.hearth.catalog.charts.AppChartsServed;
import dev.hearth.catalog.definition.ChartRepositoryFor;
import dev.hearth.core.Labels;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.tenant.ReleaseServiceAccount;
import dev.hearth.core.testing.FluxControllers;
import dev.hearth.core.testing.HelmChartRepository;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.bench.Latencies;
import dev.hearth.core.testing.bench.ServiceProcess;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * Benchmark (not a test): N Postgres instances created at once, each {@code Ready=True} because the real
 * helm-controller installed its chart (served by {@link HelmChartRepository} through the HelmRepository apps-catalog
 * writes), against the floor: the same N HelmReleases (the shape {@link dev.hearth.catalog.instance.HelmReleaseFor}
 * gives them) written by a bare client into fresh namespaces, until each is {@code Ready=True}. The difference is
 * Hearth's own share of the end-to-end time. Prints the time to all-ready, p50/p99 per object, and the CPU seconds and
 * RSS of helm-controller, source-controller and apps-catalog (its own process, with deploy/service-jvm.options).
 *
 * <p>The floor runs first, after a warm-up of both paths, so that any drift of Flux (more releases to keep) weighs
 * against Hearth, not for it. The floor's HelmReleases lack the application-kind label apps-catalog selects its
 * HelmReleases by: it never sees them.
 *
 * <p>Run with {@code scripts/benchmark.sh apps-catalog-flux [instances=100 [namespaces=10]]}.
 */
public final class CatalogThroughFluxBenchmark {
    private static final String INSTANCE_API = "apps.hearth.dev/v1alpha1";
    private static final ResourceDefinitionContext HELM_RELEASE =
            ResourceDefinitionContext.fromResourceType(Flux.HelmRelease.class);
    private static final int WARMUP = 10;
    private static final Duration ALL_READY = Duration.ofMinutes(15);

    private final KubernetesClient client;
    private final ApplicationDefinition postgres;

    private CatalogThroughFluxBenchmark(KubernetesClient client) {
        this.client = client;
        this.postgres = CatalogBenchmark.postgresDefinition(client);
    }

    public static void main(String[] args) throws Exception {
        Path appJar = Path.of(args[0]);
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int namespaceCount = args.length > 2 ? Integer.parseInt(args[2]) : 10;

        Path logs = Files.createTempDirectory("hearth-flux-bench");
        TestKubernetes kubernetes = TestKubernetes.shared()
                .withHearthCrds()
                .withUpstreamCrds("postgresql.cnpg.io")
                .withFlux(FluxControllers.Options.defaults()
                        .withDefaultServiceAccount(ReleaseServiceAccount.NAME)
                        .withLogDir(logs));
        KubernetesClient client = kubernetes.client();
        CatalogThroughFluxBenchmark benchmark = new CatalogThroughFluxBenchmark(client);
        AppChartsServed.repositoryNamespace(client);
        Map<String, Long> pids = new LinkedHashMap<>();
        kubernetes
                .flux()
                .controllers()
                .forEach(c -> pids.put(c.name(), c.process().pid()));

        try (HelmChartRepository charts = HelmChartRepository.serveAppCharts();
                ServiceProcess app = ServiceProcess.start(
                        appJar, kubernetes, List.of("hearth.catalog.chart-repository-url=" + charts.url()))) {
            pids.put("apps-catalog", app.pid());
            System.out.println(
                    "apps-catalog log: " + app.log() + ", Flux logs: " + logs + ", JVM options: " + app.jvmOptions());
            app.awaitReady(Duration.ofMinutes(3));
            CatalogBenchmark.waitUntilServed(client, Duration.ofMinutes(3));
            benchmark.awaitChartSource(Duration.ofMinutes(3));

            benchmark.throughHearth(benchmark.releaseNamespaces("flux-warm", 2), WARMUP, "warm");
            benchmark.floor(benchmark.releaseNamespaces("flux-floor-warm", 2), WARMUP, "warm");
            Thread.sleep(5_000);

            Usage floorUsage = Usage.of(pids);
            Run floor = benchmark.floor(benchmark.releaseNamespaces("flux-floor", namespaceCount), instances, "hr");
            floorUsage = floorUsage.until(pids);
            Thread.sleep(5_000);
            Usage hearthUsage = Usage.of(pids);
            Run hearth =
                    benchmark.throughHearth(benchmark.releaseNamespaces("flux-bench", namespaceCount), instances, "db");
            hearthUsage = hearthUsage.until(pids);
            Thread.sleep(5_000);
            // the floor again: how much Flux alone drifts between runs (more releases kept, the machine's load)
            Usage floorAfterUsage = Usage.of(pids);
            Run floorAfter =
                    benchmark.floor(benchmark.releaseNamespaces("flux-floor-after", namespaceCount), instances, "hr2");
            floorAfterUsage = floorAfterUsage.until(pids);

            System.out.println();
            System.out.printf(
                    "apps-catalog through Flux benchmark: %d Postgres instances across %d namespaces, created at once "
                            + "(8 writer threads) -> Ready=True by the real helm-controller%n",
                    instances, namespaceCount);
            print("floor, bare client writes the HelmReleases -> each HelmRelease Ready=True", floor, floorUsage);
            print("Hearth, instances -> apps-catalog -> HelmReleases -> each instance Ready=True", hearth, hearthUsage);
            print("floor again, after Hearth", floorAfter, floorAfterUsage);
            double floorSeconds = (floor.seconds + floorAfter.seconds) / 2;
            double share = (hearth.seconds - floorSeconds) / hearth.seconds;
            System.out.printf(
                    "  Hearth's share of the end-to-end time (all-ready - mean floor) / all-ready: %.1f %% (target < 10 "
                            + "%%); p50 per instance %+.0f ms, p99 %+.0f ms against the first floor%n",
                    100 * share,
                    hearth.latencies.percentileMillis(50) - floor.latencies.percentileMillis(50),
                    hearth.latencies.percentileMillis(99) - floor.latencies.percentileMillis(99));
            System.out.printf(
                    "  apps-catalog's own stages (create -> HelmRelease + HelmRelease Ready -> instance Ready) at p50: "
                            + "%.0f ms, %.1f %% of the p50 per instance%n",
                    hearth.stages.ownMillis(50),
                    100 * hearth.stages.ownMillis(50) / hearth.latencies.percentileMillis(50));
            System.out.printf("  RSS after the runs: %s%n", Usage.rss(pids));
        }
        kubernetes.flux().stop();
        System.exit(0);
    }

    private static void print(String what, Run run, Usage usage) {
        System.out.printf(
                "  %s: %s%.2f s to all-ready; per object p50 %.0f ms, p99 %.0f ms, max %.0f ms; CPU s %s%n",
                what,
                run.done ? "" : "NOT ALL READY (" + run.latencies.ended() + "), ",
                run.seconds,
                run.latencies.percentileMillis(50),
                run.latencies.percentileMillis(99),
                run.latencies.percentileMillis(100),
                usage);
        if (run.stages != null) {
            System.out.printf("    stages per instance: %s%n", run.stages);
        }
    }

    private record Run(boolean done, double seconds, Latencies latencies, Stages stages) {}

    /** CPU seconds per process over a phase. */
    private record Usage(Map<String, Double> cpu) {
        static Usage of(Map<String, Long> pids) throws IOException {
            Map<String, Double> cpu = new LinkedHashMap<>();
            for (var e : pids.entrySet()) {
                cpu.put(e.getKey(), ServiceProcess.cpuSeconds(e.getValue()));
            }
            return new Usage(cpu);
        }

        Usage until(Map<String, Long> pids) throws IOException {
            Map<String, Double> used = new LinkedHashMap<>();
            Usage now = of(pids);
            cpu.forEach((name, before) -> used.put(name, now.cpu.get(name) - before));
            return new Usage(used);
        }

        static String rss(Map<String, Long> pids) throws IOException {
            StringBuilder out = new StringBuilder();
            for (var e : pids.entrySet()) {
                out.append(out.isEmpty() ? "" : ", ")
                        .append(e.getKey())
                        .append(' ')
                        .append(ServiceProcess.rssMiB(e.getValue()))
                        .append(" MiB");
            }
            return out.toString();
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            cpu.forEach((name, seconds) ->
                    out.append(out.isEmpty() ? "" : ", ").append(name).append(String.format(" %.1f", seconds)));
            return out.toString();
        }
    }

    /**
     * {@code count} instances created at once; each one's latency runs from its create call until it is Ready=True.
     * Also times the stages in between from a watch on the instances' HelmReleases: apps-catalog writing the release,
     * Flux installing it, and apps-catalog mirroring its readiness on the instance.
     */
    private Run throughHearth(List<String> namespaces, int count, String prefix) throws InterruptedException {
        String release = postgres.getSpec().release.prefix;
        Stages stages = new Stages();
        Watch releases = client.genericKubernetesResources(HELM_RELEASE)
                .inAnyNamespace()
                .withLabel(Labels.APPLICATION_KIND, "Postgres")
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource object) {
                        String name = object.getMetadata().getName();
                        if (action == Action.DELETED || !name.startsWith(release + prefix)) {
                            return;
                        }
                        String instance = object.getMetadata().getNamespace() + "/" + name.substring(release.length());
                        stages.written.end(instance);
                        stages.installed.start(instance);
                        if (ready(object) && stages.installed.end(instance)) {
                            stages.mirrored.start(instance);
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                });
        try {
            Run run = measured(
                    client.genericKubernetesResources(INSTANCE_API, "Postgres").inAnyNamespace(),
                    o -> o.getMetadata().getName().startsWith(prefix),
                    count,
                    latencies -> CatalogBenchmark.parallel(count, i -> {
                        String namespace = namespaces.get(i % namespaces.size());
                        latencies.start(namespace + "/" + prefix + i);
                        stages.written.start(namespace + "/" + prefix + i);
                        client.resource(CatalogBenchmark.postgres(namespace, prefix + i))
                                .create();
                    }),
                    stages.mirrored::end);
            return new Run(run.done, run.seconds, run.latencies, stages);
        } finally {
            releases.close();
        }
    }

    /** The stages of one instance's way to Ready, each timed per instance. */
    private record Stages(Latencies written, Latencies installed, Latencies mirrored) {
        Stages() {
            this(new Latencies(), new Latencies(), new Latencies());
        }

        /** What apps-catalog itself adds at the {@code p}-th percentile: writing the release and mirroring it. */
        double ownMillis(int p) {
            return written.percentileMillis(p) + mirrored.percentileMillis(p);
        }

        @Override
        public String toString() {
            return String.format(
                    "create -> HelmRelease seen p50 %.0f ms, p99 %.0f ms; HelmRelease seen -> Ready (Flux) p50 %.0f ms, "
                            + "p99 %.0f ms; HelmRelease Ready -> instance Ready p50 %.0f ms, p99 %.0f ms",
                    written.percentileMillis(50),
                    written.percentileMillis(99),
                    installed.percentileMillis(50),
                    installed.percentileMillis(99),
                    mirrored.percentileMillis(50),
                    mirrored.percentileMillis(99));
        }
    }

    /** The floor: the same HelmReleases written at once by a bare client; latency from create call to Ready=True. */
    private Run floor(List<String> namespaces, int count, String prefix) throws InterruptedException {
        String release = postgres.getSpec().release.prefix;
        return measured(
                client.genericKubernetesResources(HELM_RELEASE)
                        .inAnyNamespace()
                        .withLabel("hearth.dev/benchmark", "floor"),
                o -> o.getMetadata().getName().startsWith(release + prefix),
                count,
                latencies -> CatalogBenchmark.parallel(count, i -> {
                    String namespace = namespaces.get(i % namespaces.size());
                    latencies.start(namespace + "/" + release + prefix + i);
                    client.resource(CatalogBenchmark.floorHelmRelease(
                                    postgres,
                                    CatalogBenchmark.postgres(namespace, prefix + i),
                                    UUID.randomUUID().toString()))
                            .create();
                }),
                key -> {});
    }

    interface Writes {
        void run(Latencies latencies) throws Exception;
    }

    /**
     * Runs {@code writes} and waits until {@code count} objects of {@code objects} that match {@code mine} are
     * Ready=True; the total runs from the first write.
     */
    private Run measured(
            FilterWatchListDeletable<
                            GenericKubernetesResource,
                            GenericKubernetesResourceList,
                            Resource<GenericKubernetesResource>>
                    objects,
            Predicate<GenericKubernetesResource> mine,
            int count,
            Writes writes,
            Consumer<String> onReady)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        CountDownLatch all = new CountDownLatch(count);
        String now = objects.list(new ListOptionsBuilder().withLimit(1L).build())
                .getMetadata()
                .getResourceVersion();
        Watch watch = objects.withResourceVersion(now).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource object) {
                if (action != Action.DELETED
                        && mine.test(object)
                        && ready(object)
                        && latencies.end(object.getMetadata().getNamespace() + "/"
                                + object.getMetadata().getName())) {
                    onReady.accept(object.getMetadata().getNamespace() + "/"
                            + object.getMetadata().getName());
                    all.countDown();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                if (cause != null) {
                    System.err.println("watch closed: " + cause.getMessage());
                }
            }
        });
        long start = System.nanoTime();
        try {
            writes.run(latencies);
            boolean done = all.await(ALL_READY.toSeconds(), TimeUnit.SECONDS);
            return new Run(done, (System.nanoTime() - start) / 1e9, latencies, null);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            watch.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean ready(GenericKubernetesResource object) {
        if (!(object.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
                || !(status.get("conditions") instanceof List<?> conditions)) {
            return false;
        }
        return conditions.stream()
                .map(c -> (Map<String, Object>) c)
                .anyMatch(c -> "Ready".equals(c.get("type")) && "True".equals(c.get("status")));
    }

    /** Namespaces {@code <prefix><i>}, each with the release account helm-controller installs as. */
    private List<String> releaseNamespaces(String prefix, int count) {
        List<String> namespaces = CatalogBenchmark.namespaces(client, prefix, count);
        namespaces.forEach(namespace -> CatalogTenant.releaseAccount(client, namespace));
        return namespaces;
    }

    private void awaitChartSource(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var repository = client.genericKubernetesResources(
                            ResourceDefinitionContext.fromResourceType(Flux.HelmRepository.class))
                    .inNamespace(ChartRepositoryFor.NAMESPACE)
                    .withName(ChartRepositoryFor.NAME)
                    .get();
            if (repository != null && ready(repository)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("HelmRepository " + ChartRepositoryFor.NAMESPACE + "/" + ChartRepositoryFor.NAME
                + " not ready within " + timeout);
    }
}
