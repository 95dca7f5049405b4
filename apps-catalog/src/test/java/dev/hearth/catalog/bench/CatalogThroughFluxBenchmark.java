package dev.hearth.catalog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.hearth.catalog.CatalogTenant;
import dev.hearth.catalog.charts.AppChartsServed;
import dev.hearth.catalog.definition.BuiltInDefinitions;
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
 * RSS of helm-controller, source-controller and apps-catalog (its own process, with deploy/service-jvm.options, as
 * its ServiceAccount with the platform chart's RBAC, as production runs it: a token, not the admin's client
 * certificate, whose RSA signature every new TLS connection of the service would pay).
 *
 * <p>The two paths alternate (floor then Hearth, Hearth then floor, ...), and every run's releases are uninstalled
 * before the next, so that neither runs on a fuller API server or helm-controller than the other (kept releases would
 * also fill the test API server's service IP range after about 250 releases: Helm's installs then fail). CPU is also
 * given for the kube-apiserver and etcd this JVM started, which every client's writes cost. The floor's HelmReleases lack
 * the application-kind label apps-catalog selects its HelmReleases by: it never sees them.
 *
 * <p>Run with {@code scripts/benchmark.sh apps-catalog-flux [instances=100 [namespaces=10 [rounds=2]]]}.
 */
public final class CatalogThroughFluxBenchmark {
    private static final String INSTANCE_API = "apps.hearth.dev/v1alpha1";
    private static final ResourceDefinitionContext HELM_RELEASE =
            ResourceDefinitionContext.fromResourceType(Flux.HelmRelease.class);
    private static final int WARMUP = 10;
    private static final Duration ALL_READY = Duration.ofMinutes(15);
    private static final Duration UNINSTALL = Duration.ofMinutes(10);

    private final KubernetesClient client;
    private final ApplicationDefinition postgres;
    /** The rounds that have had a run: the next run of one of them is its second. */
    private final Set<String> measuredInRound = new HashSet<>();

    private CatalogThroughFluxBenchmark(KubernetesClient client) {
        this.client = client;
        this.postgres = CatalogBenchmark.postgresDefinition(client);
    }

    public static void main(String[] args) throws Exception {
        Path appJar = Path.of(args[0]);
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int namespaceCount = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;

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
        Map<String, Long> pids = new LinkedHashMap<>(apiServerProcesses());
        kubernetes
                .flux()
                .controllers()
                .forEach(c -> pids.put(c.name(), c.process().pid()));

        try (HelmChartRepository charts = HelmChartRepository.serveAppCharts();
                ServiceProcess app = ServiceProcess.startAsServiceAccount(
                        appJar, kubernetes, List.of("hearth.catalog.chart-repository-url=" + charts.url()))) {
            pids.put("apps-catalog", app.pid());
            System.out.println(
                    "apps-catalog log: " + app.log() + ", Flux logs: " + logs + ", JVM options: " + app.jvmOptions());
            app.awaitReady(Duration.ofMinutes(3));
            CatalogBenchmark.waitUntilServed(client, Duration.ofMinutes(3));
            benchmark.awaitChartSource(Duration.ofMinutes(3));

            benchmark.measure(Way.HEARTH, "warm", WARMUP, 2, pids);
            benchmark.measure(Way.FLOOR, "warm", WARMUP, 2, pids);
            // floor, Hearth, Hearth, floor, ...: each path runs as often first as second in a round, on an API server
            // and a helm-controller left as empty as before (each run's releases are uninstalled after it)
            List<Measured> runs = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                List<Way> order = round % 2 == 0 ? List.of(Way.FLOOR, Way.HEARTH) : List.of(Way.HEARTH, Way.FLOOR);
                for (Way path : order) {
                    runs.add(benchmark.measure(path, "r" + round, instances, namespaceCount, pids));
                }
            }

            System.out.println();
            System.out.printf(
                    "apps-catalog through Flux benchmark: %d Postgres instances across %d namespaces, created at once "
                            + "(8 writer threads) -> Ready=True by the real helm-controller; %d rounds (floor and Hearth "
                            + "alternating first), each run's releases uninstalled before the next%n",
                    instances, namespaceCount, rounds);
            runs.forEach(Measured::print);
            double floorSeconds = mean(runs, Way.FLOOR, r -> true);
            double hearthSeconds = mean(runs, Way.HEARTH, r -> true);
            double share = (hearthSeconds - floorSeconds) / hearthSeconds;
            System.out.printf(
                    "  mean all-ready: floor %.2f s, Hearth %.2f s; Hearth's share (all-ready - floor) / all-ready: %.1f %% "
                            + "(target < 10 %%)%n",
                    floorSeconds, hearthSeconds, 100 * share);
            if (rounds > 1) {
                System.out.printf(
                        "  order: floor %.2f s when first, %.2f s when second; Hearth %.2f s when first, %.2f s when "
                                + "second%n",
                        mean(runs, Way.FLOOR, r -> r.first),
                        mean(runs, Way.FLOOR, r -> !r.first),
                        mean(runs, Way.HEARTH, r -> r.first),
                        mean(runs, Way.HEARTH, r -> !r.first));
            }
            System.out.printf("  RSS after the runs: %s%n", Usage.rss(pids));
        }
        kubernetes.flux().stop();
        System.exit(0);
    }

    /** The two ways to the same N HelmReleases: a bare client writes them, or apps-catalog from N instances. */
    private enum Way {
        FLOOR("floor, bare client writes the HelmReleases -> each HelmRelease Ready=True"),
        HEARTH("Hearth, instances -> apps-catalog -> HelmReleases -> each instance Ready=True");

        private final String what;

        Way(String what) {
            this.what = what;
        }
    }

    /** One measured run: which path, whether it ran first in its round, its figures and each process's CPU. */
    private record Measured(Way path, String round, boolean first, Run run, Usage usage) {
        void print() {
            CatalogThroughFluxBenchmark.print(
                    path.what + " (" + round + (first ? ", first" : ", second") + ")", run, usage);
        }
    }

    private static double mean(List<Measured> runs, Way path, Predicate<Measured> which) {
        return runs.stream()
                .filter(r -> r.path == path && which.test(r))
                .mapToDouble(r -> r.run.seconds)
                .average()
                .orElse(Double.NaN);
    }

    /**
     * Runs {@code path} with {@code count} objects in fresh namespaces, then uninstalls them all, so that the next run
     * finds the API server and helm-controller as this one did (kept releases would also fill the service IP range).
     */
    private Measured measure(Way path, String round, int count, int namespaceCount, Map<String, Long> pids)
            throws InterruptedException, IOException {
        String prefix = (path == Way.FLOOR ? "f" : "h") + round + "-";
        List<String> namespaces = releaseNamespaces("flux-" + prefix, namespaceCount);
        boolean first = measuredInRound.add(round);
        Thread.sleep(5_000);
        Usage usage = Usage.of(pids);
        Run run = path == Way.FLOOR ? floor(namespaces, count, prefix) : throughHearth(namespaces, count, prefix);
        usage = usage.until(pids);
        uninstall(namespaces);
        return new Measured(path, round, first, run, usage);
    }

    /**
     * Deletes the instances, then the HelmReleases, and waits until helm-controller has uninstalled every release
     * (its finalizer holds a HelmRelease until then). A HelmRelease apps-catalog writes again before it sees its
     * instance gone is deleted again.
     */
    private void uninstall(List<String> namespaces) throws InterruptedException {
        for (String namespace : namespaces) {
            client.genericKubernetesResources(INSTANCE_API, "Postgres")
                    .inNamespace(namespace)
                    .delete();
        }
        long deadline = System.nanoTime() + UNINSTALL.toNanos();
        long nextDelete = 0;
        while (System.nanoTime() < deadline) {
            int left = 0;
            for (String namespace : namespaces) {
                var releases = client.genericKubernetesResources(HELM_RELEASE).inNamespace(namespace);
                int here = releases.list().getItems().size();
                if (here > 0 && System.nanoTime() >= nextDelete) {
                    releases.delete();
                }
                left += here;
            }
            if (left == 0) {
                return;
            }
            if (System.nanoTime() >= nextDelete) {
                nextDelete = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("HelmReleases in " + namespaces + " not uninstalled within " + UNINSTALL);
    }

    /** kube-apiserver and etcd, which this JVM started (TestKubernetes): their CPU is every client's cost. */
    private static Map<String, Long> apiServerProcesses() {
        Map<String, Long> pids = new LinkedHashMap<>();
        ProcessHandle.current()
                .descendants()
                .forEach(p -> p.info().command().ifPresent(command -> {
                    String name = Path.of(command).getFileName().toString();
                    if (name.equals("kube-apiserver") || name.equals("etcd")) {
                        pids.put(name, p.pid());
                    }
                }));
        return pids;
    }

    private static void print(String what, Run run, Usage usage) {
        System.out.printf(
                "  %s: %s%.2f s to all-ready; per object p50 %.0f ms, p99 %.0f ms, max %.0f ms, %.1f modifications; CPU s %s%n",
                what,
                run.done ? "" : "NOT ALL READY (" + run.latencies.ended() + "), ",
                run.seconds,
                run.latencies.percentileMillis(50),
                run.latencies.percentileMillis(99),
                run.latencies.percentileMillis(100),
                (double) run.modified / Math.max(1, run.latencies.ended()),
                usage);
        if (run.stages != null) {
            System.out.printf("    stages per instance: %s%n", run.stages);
        }
    }

    /** @param modified the watched objects' modifications until all were Ready (for instances: their status writes) */
    private record Run(boolean done, double seconds, Latencies latencies, int modified, Stages stages) {}

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
            return new Run(run.done, run.seconds, run.latencies, run.modified, stages);
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
        AtomicInteger modified = new AtomicInteger();
        String now = objects.list(new ListOptionsBuilder().withLimit(1L).build())
                .getMetadata()
                .getResourceVersion();
        Watch watch = objects.withResourceVersion(now).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource object) {
                if (action == Action.MODIFIED && mine.test(object) && all.getCount() > 0) {
                    modified.incrementAndGet();
                }
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
            return new Run(done, (System.nanoTime() - start) / 1e9, latencies, modified.get(), null);
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
                    .inNamespace(BuiltInDefinitions.CHART_REPOSITORY_NAMESPACE)
                    .withName(BuiltInDefinitions.CHART_REPOSITORY)
                    .get();
            if (repository != null && ready(repository)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("HelmRepository " + BuiltInDefinitions.CHART_REPOSITORY_NAMESPACE + "/"
                + BuiltInDefinitions.CHART_REPOSITORY + " not ready within " + timeout);
    }
}
