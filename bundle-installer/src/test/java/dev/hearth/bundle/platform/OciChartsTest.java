package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.hearth.bundle.model.Chart;

/** Where a chart's manifests and blobs are, from its {@code oci://} reference: HTTPS, plain HTTP on loopback only. */
class OciChartsTest {

    @ParameterizedTest
    @CsvSource({
        "oci://ghcr.io/example/charts,      https://ghcr.io/v2/example/charts/extra-config/",
        "oci://registry.example:5000/,      https://registry.example:5000/v2/extra-config/",
        "oci://registry.example,            https://registry.example/v2/extra-config/",
        "oci://127.0.0.1:5000/charts,       http://127.0.0.1:5000/v2/charts/extra-config/",
        "oci://localhost:5000/a/b/,         http://localhost:5000/v2/a/b/extra-config/",
        "oci://[::1]:5000/charts,           http://[::1]:5000/v2/charts/extra-config/",
        "oci://127.example.org/charts,      https://127.example.org/v2/charts/extra-config/",
        "oci://10.0.0.1:5000/charts,        https://10.0.0.1:5000/v2/charts/extra-config/"
    })
    void theRegistryIsAskedOverHttpsExceptOnLoopback(String repository, String base) {
        assertThat(OciCharts.base(new Chart(repository, "extra-config", "1.0.0")))
                .hasToString(base);
    }
}
