package dev.hearth.bundle.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.hearth.core.testing.TestOciRegistry;

/**
 * Bundle {@code oci-test} ({@code oci-bundles/oci-test-1.0.0.yaml}): the test chart {@code extra-config} pushed to a
 * real OCI registry on loopback, the bundle naming that registry written into the installer's bundle directory.
 * Started with {@link FluxBundleResource} (Quarkus test resources apply to every test of the module, and both write
 * the one {@code hearth.bundle.directory}).
 */
final class OciTestBundle {
    private static final Path RESOURCES = Path.of("src/test/resources");

    private OciTestBundle() {}

    /** The registry serving the chart, for the caller to close. */
    static TestOciRegistry serve(Path bundleDirectory) {
        TestOciRegistry registry = TestOciRegistry.start();
        try {
            registry.push("charts", RESOURCES.resolve("flux-charts/extra-config"));
            Files.writeString(
                    bundleDirectory.resolve("oci-test-1.0.0.yaml"),
                    Files.readString(RESOURCES.resolve("oci-bundles/oci-test-1.0.0.yaml"))
                            .replace("@URL@", registry.url("charts")));
            return registry;
        } catch (IOException e) {
            registry.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }
}
