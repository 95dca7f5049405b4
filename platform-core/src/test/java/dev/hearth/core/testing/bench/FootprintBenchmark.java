package dev.hearth.core.testing.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.hearth.core.testing.TestKubernetes;

/**
 * Footprint of each service as its container runs it: its image (scripts/images.sh) unpacked and started with the
 * image's JRE, entrypoint (with the class-data-sharing archive), working directory and environment (the JVM options of
 * deploy/service-jvm.options, MALLOC_ARENA_MAX=2), prod profile with leader election on. Measured: start-to-ready
 * (process start until /q/health/ready answers 200), the CPU time the service used until then and the resident set
 * once idle, against the test API server with every CRD installed. Each service is started alone, a few times
 * ({@code HEARTH_FOOTPRINT_RUNS}, default 3); the figures are the median and the worst. Started by
 * {@code scripts/benchmark.sh footprint}; targets (150 MB, 2 s) are printed beside the figures, never asserted.
 */
public final class FootprintBenchmark {
    private static final Duration IDLE = Duration.ofSeconds(20);

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("HEARTH_FOOTPRINT_RUNS", "3"));
        TestKubernetes kubernetes = TestKubernetes.shared().withHearthCrds().withAllUpstreamCrds();
        System.out.println("As each image runs it: its JRE, entrypoint and environment (deploy/service-jvm.options)");
        System.out.printf(
                "%-20s %14s %14s %14s %14s %14s%n",
                "service", "ready med (s)", "ready max (s)", "CPU med (s)", "RSS med (MB)", "RSS max (MB)");
        for (String tar : args) {
            Path path = Path.of(tar).toAbsolutePath();
            ServiceImage image = ServiceImage.unpack(path, path.resolveSibling("footprint-image"));
            String service = image.module();
            List<Double> ready = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Long> rss = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                try (ServiceProcess process =
                        ServiceProcess.start(image, kubernetes, ServiceProcess.propertiesToBeReady(service))) {
                    process.awaitReady(Duration.ofMinutes(2));
                    ready.add(process.sinceStart().toMillis() / 1000.0);
                    // CPU used until ready: on a shared 2-core machine the wall time follows the load, this much less
                    cpu.add(process.cpuSeconds());
                    Thread.sleep(IDLE.toMillis());
                    rss.add(process.rssMiB());
                }
            }
            ready.sort(null);
            cpu.sort(null);
            rss.sort(null);
            System.out.printf(
                    "%-20s %14.2f %14.2f %14.2f %14d %14d%s%n",
                    service,
                    ready.get(ready.size() / 2),
                    ready.get(ready.size() - 1),
                    cpu.get(cpu.size() / 2),
                    rss.get(rss.size() / 2),
                    rss.get(rss.size() - 1),
                    rss.get(rss.size() - 1) > 150 || ready.get(ready.size() - 1) > 2.0
                            ? "  over target (150 MB, 2 s)"
                            : "");
        }
        // the shared test API server's client threads are not daemons: without this the JVM stays after the figures
        System.out.println("load average at the end: "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        System.exit(0);
    }
}
