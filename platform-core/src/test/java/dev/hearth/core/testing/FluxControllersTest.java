package dev.hearth.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without an API server: where the controllers come from, and the failure when they are missing. */
class FluxControllersTest {

    @Test
    void versionsAreThoseOfTheGoModules() {
        assertThat(FluxControllers.pinnedVersion(FluxControllers.SOURCE_CONTROLLER))
                .matches("\\d+\\.\\d+\\.\\d+");
        assertThat(FluxControllers.pinnedVersion(FluxControllers.HELM_CONTROLLER))
                .matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void aMissingBinaryFailsNamingTheScriptThatBuildsIt(@TempDir Path emptyFluxDir) throws Exception {
        Path kubeconfig = Files.createFile(emptyFluxDir.resolve("kubeconfig"));
        assertThatThrownBy(() -> FluxControllers.start(emptyFluxDir, kubeconfig, FluxControllers.Options.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("source-controller not found")
                .hasMessageContaining("scripts/test-binaries.sh");
    }
}
