package dev.hearth.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A chart pushed to the real registry is served back as a Helm OCI artifact: its manifest, config and archive. */
class TestOciRegistryIT {

    @Test
    void aPushedChartIsServedAsAHelmOciArtifactUnderItsVersion() throws Exception {
        Path redis = HelmChartRepository.appCharts().resolve("redis");
        try (TestOciRegistry registry = TestOciRegistry.start()) {
            String layer = registry.push("charts", redis);
            assertThat(registry.url("charts")).isEqualTo("oci://" + registry.host() + "/charts");

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://" + registry.host() + "/v2/charts/redis/";
            JsonNode manifest = new ObjectMapper()
                    .readTree(http.send(
                                    HttpRequest.newBuilder(URI.create(base + "manifests/0.1.0"))
                                            .header("Accept", TestOciRegistry.MANIFEST)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
            assertThat(manifest.path("mediaType").asText()).isEqualTo(TestOciRegistry.MANIFEST);
            assertThat(manifest.path("config").path("mediaType").asText()).isEqualTo(TestOciRegistry.HELM_CONFIG);
            assertThat(manifest.path("layers").path(0).path("mediaType").asText())
                    .isEqualTo(TestOciRegistry.HELM_CHART);
            assertThat(manifest.path("layers").path(0).path("digest").asText()).isEqualTo(layer);

            byte[] archive = http.send(
                            HttpRequest.newBuilder(URI.create(base + "blobs/" + layer))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
            assertThat(archive).isEqualTo(HelmChartRepository.pack(redis, "redis"));
            JsonNode config = new ObjectMapper()
                    .readTree(http.send(
                                    HttpRequest.newBuilder(URI.create(base + "blobs/"
                                                    + manifest.path("config")
                                                            .path("digest")
                                                            .asText()))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
            assertThat(config.path("name").asText()).isEqualTo("redis");
            assertThat(config.path("version").asText()).isEqualTo("0.1.0");
        }
    }
}
