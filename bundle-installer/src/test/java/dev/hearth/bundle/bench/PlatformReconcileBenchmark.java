package dev.hearth.bundle.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hearth.bundle.Fixtures;
import dev.hearth.bundle.render.BundleLabels;
import dev.hearth.core.api.platform.Platform;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.FluxControllers;
import dev.hearth.core.testing.HelmChartRepository;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.TestPaths;
import dev.hearth.core.testing.bench.ServiceProcess;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.FluxReady;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Benchmark (not a test): a Platform of an 80-component bundle ({@link LayeredBundle}, every component the test chart
 * {@code flux-charts/base-config} served on loopback) rolled out by the installer's built jar, its own process as
 * deployed (prod profile, deploy/service-jvm.options, its ServiceAccount with the chart's RBAC), through the real
 * source-controller and helm-controller, until {@code Ready=True BundleReady} with every release deployed. Prints the
 * time to ready, the RSS (sampled every second) and CPU seconds of the installer, helm-controller and
 * source-controller, the objects the installer wrote on the first apply (from the API server's audit log), and the
 * requests and writes of its idle passes once ready. Targets (issue 14): RSS at most 200 MB, no write when idle;
 * asserts nothing.
 *
 * <p>Run with {@code scripts/benchmark.sh bundle-installer-platform [idle seconds=180 [resync-when-ready=10s]]}.
 */
public final class PlatformReconcileBenchmark {
    private static final String BUNDLE = "eighty";
    private static final String VERSION = "1.0.0";
    private static final Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration SETTLE = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Duration idle = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 180);
        String resync = args.length > 2 ? args[2] : "10s";

        Path logs = Files.createTempDirectory("hearth-bundle-bench");
        TestKubernetes kubernetes = TestKubernetes.shared()
                .withHearthCrds()
                .withAllUpstreamCrds()
                .withFlux(FluxControllers.Options.defaults().withLogDir(logs));
        KubernetesClient client = kubernetes.client();
        Fixtures.ensureInstallerNamespace(client);
        Map<String, Long> pids = new LinkedHashMap<>();

        try (HelmChartRepository charts = HelmChartRepository.serve(oneChart(), 0);
                ServiceProcess installer = ServiceProcess.startAsServiceAccount(
                        jar,
                        kubernetes,
                        List.of(
                                "hearth.bundle.directory=" + bundleDirectory(charts.url()),
                                "hearth.bundle.resync-when-ready=" + resync))) {
            // a run stopped with Ctrl-C leaves no installer behind
            Runtime.getRuntime().addShutdownHook(new Thread(installer::close));
            pids.put("bundle-installer", installer.pid());
            kubernetes
                    .flux()
                    .controllers()
                    .forEach(c -> pids.put(c.name(), c.process().pid()));
            System.out.println("installer log: " + installer.log() + ", Flux logs: " + logs + ", JVM options: "
                    + installer.jvmOptions());
            installer.awaitReady(Duration.ofMinutes(3));

            try (RssSampler rss = new RssSampler(pids)) {
                Map<String, Long> rssBefore = rss.now();
                Map<String, Double> cpuBefore = cpuSeconds(pids);
                InstallerRequests firstApply = InstallerRequests.from(kubernetes.auditLog());
                rss.restart();
                long start = System.nanoTime();
                client.resource(platform()).fieldManager("benchmark").serverSideApply();
                boolean ready = awaitBundleReady(client);
                double seconds = (System.nanoTime() - start) / 1e9;
                Map<String, Long> rolloutPeaks = rss.peaks();
                Map<String, Double> rolloutCpu = since(cpuBefore, cpuSeconds(pids));
                Map<String, Long> written = firstApply.objectsWritten();
                Map<String, Long> writes = firstApply.writes();
                long deployed = deployedReleases(client);

                Thread.sleep(SETTLE.toMillis());
                Map<String, Long> settled = rss.now();
                rss.restart();
                Map<String, Double> cpuIdleBefore = cpuSeconds(pids);
                InstallerRequests idlePasses = InstallerRequests.from(kubernetes.auditLog());
                Thread.sleep(idle.toMillis());
                Map<String, Long> idlePeaks = rss.peaks();
                Map<String, Double> idleCpu = since(cpuIdleBefore, cpuSeconds(pids));

                System.out.println();
                System.out.printf(
                        "bundle-installer Platform benchmark: %d components (%s), one chart repository on loopback, "
                                + "resync-when-ready %s%n",
                        LayeredBundle.LAYERS.size() * LayeredBundle.PER_LAYER,
                        "four layers of 20, 180 dependencies",
                        resync);
                System.out.printf(
                        "  Platform created -> Ready=True BundleReady: %s%.1f s; releases deployed by helm-controller "
                                + "(Helm release records): %d%n",
                        ready ? "" : "NOT READY, ", seconds, deployed);
                System.out.printf("  RSS MiB before the Platform: %s%n", rssBefore);
                System.out.printf("  RSS MiB peak during the rollout: %s (target: installer <= 200)%n", rolloutPeaks);
                System.out.printf("  RSS MiB %d s after ready: %s%n", SETTLE.toSeconds(), settled);
                System.out.printf("  CPU s during the rollout: %s%n", rolloutCpu);
                int components = LayeredBundle.LAYERS.size() * LayeredBundle.PER_LAYER;
                long objects =
                        written.values().stream().mapToLong(Long::longValue).sum();
                long writeRequests =
                        writes.values().stream().mapToLong(Long::longValue).sum();
                System.out.printf(
                        "  first apply: %d objects written, %.2f per component %s; %d write requests, %.2f per"
                                + " component %s%n",
                        objects,
                        (double) objects / components,
                        written,
                        writeRequests,
                        (double) writeRequests / components,
                        writes);
                long passes = idlePasses.passes();
                int requests = idlePasses.requests().size();
                System.out.printf(
                        "  idle, %d s once ready: %d passes, %d requests (%.1f per pass), writes %s (target: none);"
                                + " the lease's requests apart %s; RSS MiB peak %s; CPU s %s%n",
                        idle.toSeconds(),
                        passes,
                        requests,
                        passes == 0 ? 0.0 : (double) requests / passes,
                        idlePasses.writes(),
                        idlePasses.leaseRequests(),
                        idlePeaks,
                        idleCpu);
                System.out.println("  load average at the end: "
                        + Files.readString(Path.of("/proc/loadavg")).strip());
            }
        }
        kubernetes.flux().stop();
        // the shared test API server's client threads are not daemons: without this the JVM stays after the figures
        System.exit(0);
    }

    /** Only the test chart base-config, which every component installs (a ConfigMap in its namespace). */
    private static Path oneChart() throws IOException, URISyntaxException {
        Path charts = Files.createTempDirectory("hearth-bench-charts");
        Path chart = Path.of(PlatformReconcileBenchmark.class
                .getResource("/flux-charts/base-config")
                .toURI());
        TestPaths.copyTree(chart, charts.resolve("base-config"));
        return charts;
    }

    /** A directory holding {@code eighty-1.0.0.yaml}, every component's chart at {@code repository}. */
    private static Path bundleDirectory(String repository) throws IOException {
        StringBuilder document = new StringBuilder();
        document.append("name: ").append(BUNDLE).append("\nversion: ").append(VERSION);
        document.append("\nvariants: [generic]\ncomponents:\n");
        for (int layer = 0; layer < LayeredBundle.LAYERS.size(); layer++) {
            for (int i = 0; i < LayeredBundle.PER_LAYER; i++) {
                String name = LayeredBundle.name(layer, i);
                document.append(String.format(
                        "  - {name: %s, layer: %s, namespace: ns-%s, dependsOn: %s, values: {setting: %s},"
                                + " chart: {repository: \"%s\", name: base-config, version: 1.0.0}}%n",
                        name,
                        LayeredBundle.LAYERS.get(layer),
                        name,
                        LayeredBundle.dependsOn(layer, i),
                        name,
                        repository));
            }
        }
        Path directory = Files.createTempDirectory("hearth-bench-bundles");
        Files.writeString(directory.resolve(BUNDLE + "-" + VERSION + ".yaml"), document);
        return directory;
    }

    private static Platform platform() {
        Platform platform = new Platform();
        platform.getMetadata().setName("hearth");
        platform.getSpec().bundle = new PlatformSpec.Bundle();
        platform.getSpec().bundle.name = BUNDLE;
        platform.getSpec().bundle.version = VERSION;
        platform.getSpec().bundle.variant = PlatformSpec.Variant.GENERIC;
        platform.getSpec().upgradePolicy = new PlatformSpec.UpgradePolicy();
        platform.getSpec().upgradePolicy.mode = PlatformSpec.Mode.Auto;
        platform.getSpec().components = new TreeMap<>();
        return platform;
    }

    /** Waits until the Platform is {@code Ready=True BundleReady} at its generation and every release is Ready. */
    private static boolean awaitBundleReady(KubernetesClient client) throws InterruptedException {
        long deadline = System.nanoTime() + ROLLOUT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Platform platform =
                    client.resources(Platform.class).withName("hearth").get();
            boolean bundleReady = platform != null
                    && platform.getStatus() != null
                    && ReadyCondition.find(platform.getStatus().conditions, ReadyCondition.TYPE)
                            .map(c -> ReadyCondition.TRUE.equals(c.getStatus())
                                    && "BundleReady".equals(c.getReason())
                                    && platform.getMetadata().getGeneration().equals(c.getObservedGeneration()))
                            .orElse(false);
            if (bundleReady && readyReleases(client) == LayeredBundle.LAYERS.size() * LayeredBundle.PER_LAYER) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static long readyReleases(KubernetesClient client) {
        return client
                .resources(Flux.HelmRelease.class)
                .inNamespace(BundleLabels.NAMESPACE)
                .withLabel(BundleLabels.BUNDLE, BUNDLE)
                .list()
                .getItems()
                .stream()
                .filter(r -> FluxReady.of(r).isTrue())
                .count();
    }

    /** Helm's own records of the bundle's releases, deployed: what helm-controller really installed. */
    private static long deployedReleases(KubernetesClient client) {
        return client
                .secrets()
                .inAnyNamespace()
                .withLabel("owner", "helm")
                .withLabel("status", "deployed")
                .list()
                .getItems()
                .stream()
                .filter(s -> s.getMetadata().getNamespace().startsWith("ns-c-"))
                .count();
    }

    private static Map<String, Double> cpuSeconds(Map<String, Long> pids) throws IOException {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (var process : pids.entrySet()) {
            cpu.put(process.getKey(), ServiceProcess.cpuSeconds(process.getValue()));
        }
        // this benchmark's own API server (other test JVMs on the machine may run theirs)
        long apiServer = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().orElse("").endsWith("/kube-apiserver"))
                .findFirst()
                .orElseThrow()
                .pid();
        cpu.put("kube-apiserver", ServiceProcess.cpuSeconds(apiServer));
        return cpu;
    }

    private static Map<String, Double> since(Map<String, Double> before, Map<String, Double> now) {
        Map<String, Double> used = new LinkedHashMap<>();
        before.forEach((name, seconds) -> used.put(name, Math.round((now.get(name) - seconds) * 10) / 10.0));
        return used;
    }
}
