package dev.hearth.bundle.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.hearth.core.testing.HelmChartRepository;
import dev.hearth.core.testing.LoopbackPorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Serves the test charts of {@code src/test/resources/flux-charts} on loopback and writes the bundle
 * {@code flux-test} naming that repository into a directory the installer reads ({@code hearth.bundle.directory}).
 */
public class FluxBundleResource implements QuarkusTestResourceLifecycleManager {
    private HelmChartRepository charts;

    @Override
    public Map<String, String> start() {
        try {
            charts = HelmChartRepository.serve(Path.of("src/test/resources/flux-charts"), LoopbackPorts.free());
            Path directory = Files.createTempDirectory("hearth-bundles");
            String bundle = Files.readString(Path.of("src/test/resources/flux-bundle.yaml.template"))
                    .replace("@URL@", charts.url());
            Files.writeString(directory.resolve("flux-test.yaml"), bundle);
            return Map.of("hearth.bundle.directory", directory.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (charts != null) {
            charts.close();
        }
    }
}
