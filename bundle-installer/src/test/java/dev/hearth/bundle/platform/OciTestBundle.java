package dev.hearth.bundle.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.hearth.core.testing.TestOciRegistry;
import dev.hearth.core.testing.TestRegistryTokens;

/**
 * Bundle {@code oci-test} ({@code oci-bundles/oci-test-1.0.0.yaml}): the test chart {@code extra-config} pushed to a
 * real OCI registry on loopback that serves even anonymous pulls only with a token, as ghcr.io and Docker Hub do
 * ({@link TestOciRegistry#withTokens}), the bundle naming that registry written into the installer's bundle directory.
 * Started with {@link FluxBundleResource} (Quarkus test resources apply to every test of the module, and both write
 * the one {@code hearth.bundle.directory}).
 */
final class OciTestBundle implements AutoCloseable {
    private static final Path RESOURCES = Path.of("src/test/resources");
    private final TestRegistryTokens tokens;
    private final TestOciRegistry registry;

    private OciTestBundle(TestRegistryTokens tokens, TestOciRegistry registry) {
        this.tokens = tokens;
        this.registry = registry;
    }

    /** The registry and its token endpoint serving the chart, for the caller to close. */
    static OciTestBundle serve(Path bundleDirectory) {
        TestRegistryTokens tokens = TestRegistryTokens.start();
        OciTestBundle bundle;
        try {
            bundle = new OciTestBundle(tokens, TestOciRegistry.withTokens(tokens));
        } catch (RuntimeException e) {
            tokens.close();
            throw e;
        }
        try {
            bundle.registry.push("charts", RESOURCES.resolve("flux-charts/extra-config"));
            Files.writeString(
                    bundleDirectory.resolve("oci-test-1.0.0.yaml"),
                    Files.readString(RESOURCES.resolve("oci-bundles/oci-test-1.0.0.yaml"))
                            .replace("@URL@", bundle.registry.url("charts")));
            return bundle;
        } catch (IOException e) {
            bundle.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    @Override
    public void close() {
        registry.close();
        tokens.close();
    }
}
