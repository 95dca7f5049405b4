package dev.hearth.bundle.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.hearth.core.testing.HelmChartRepository;
import dev.hearth.core.testing.LoopbackPorts;
import dev.hearth.core.testing.TestPaths;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Serves the test charts of {@code src/test/resources/flux-charts} on loopback, each at versions 1.0.0 to 4.0.0 (the
 * same chart, its version in its ConfigMap), where {@code flux-charts-overrides/<name>-<version>} replaces one version
 * (a CRD that grows a field, a chart the API server rejects); and writes the versions of bundle {@code flux-test}
 * ({@code flux-bundles/<version>.yaml}, naming that repository) into a directory the installer reads
 * ({@code hearth.bundle.directory}) as {@code flux-test-<version>.yaml}; and bundle {@code oci-test} beside them, its
 * chart in a real OCI registry that wants tokens ({@link OciTestBundle}), and bundle {@code services-test}, the
 * shipped bundle's component of Hearth's own services chart ({@link ServicesChartBundle}).
 */
public class FluxBundleResource implements QuarkusTestResourceLifecycleManager {
    static final List<String> CHART_VERSIONS = List.of("1.0.0", "2.0.0", "3.0.0", "4.0.0");
    private static final Path RESOURCES = Path.of("src/test/resources");
    private HelmChartRepository charts;
    private OciTestBundle ociBundle;
    private ServicesChartBundle servicesBundle;

    @Override
    public Map<String, String> start() {
        try {
            charts = HelmChartRepository.serve(versionedCharts(), LoopbackPorts.free());
            Path directory = Files.createTempDirectory("hearth-bundles");
            try (Stream<Path> bundles = Files.list(RESOURCES.resolve("flux-bundles"))) {
                for (Path bundle : bundles.toList()) {
                    Files.writeString(
                            directory.resolve("flux-test-" + bundle.getFileName()),
                            Files.readString(bundle).replace("@URL@", charts.url()));
                }
            }
            ociBundle = OciTestBundle.serve(directory);
            servicesBundle = ServicesChartBundle.serve(directory);
            // a Ready Platform is looked at again every few seconds: aReconcileWithNothingToChangeWritesNothing
            return Map.of("hearth.bundle.directory", directory.toString(), "hearth.bundle.resync-when-ready", "3s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path versionedCharts() throws IOException {
        Path out = Files.createTempDirectory("hearth-flux-charts");
        try (Stream<Path> charts = Files.list(RESOURCES.resolve("flux-charts"))) {
            for (Path chart : charts.toList()) {
                for (String version : CHART_VERSIONS) {
                    Path override =
                            RESOURCES.resolve("flux-charts-overrides").resolve(chart.getFileName() + "-" + version);
                    Path copy = out.resolve(chart.getFileName() + "-" + version);
                    TestPaths.copyTree(Files.isDirectory(override) ? override : chart, copy);
                    Path chartYaml = copy.resolve("Chart.yaml");
                    Files.writeString(
                            chartYaml,
                            Files.readString(chartYaml).replaceFirst("(?m)^version: .*$", "version: " + version));
                }
            }
        }
        return out;
    }

    @Override
    public void stop() {
        if (charts != null) {
            charts.close();
        }
        if (ociBundle != null) {
            ociBundle.close();
        }
        if (servicesBundle != null) {
            servicesBundle.close();
        }
    }
}
