package dev.hearth.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A chart {@link TestOciRegistry} pushed is one the real source-controller pulls: through a {@code HelmRepository} of
 * type {@code oci} ({@code insecure: true}, the test registry is plain HTTP), a {@code HelmChart} of it gets an artifact
 * of the pushed version.
 */
class TestOciRegistryThroughFluxIT {

    @Test
    @Timeout(240)
    void sourceControllerPullsAPushedChart() {
        TestKubernetes kubernetes = TestKubernetes.shared().withFlux();
        KubernetesClient client = kubernetes.client();
        String namespace = kubernetes.newNamespace("oci");
        try (TestOciRegistry registry = TestOciRegistry.start()) {
            registry.push("charts", HelmChartRepository.appCharts().resolve("redis"));
            client.resource(new GenericKubernetesResourceBuilder()
                            .withApiVersion("source.toolkit.fluxcd.io/v1")
                            .withKind("HelmRepository")
                            .withNewMetadata()
                            .withName("oci-charts")
                            .withNamespace(namespace)
                            .endMetadata()
                            .addToAdditionalProperties(
                                    "spec",
                                    Map.of(
                                            "type",
                                            "oci",
                                            "url",
                                            registry.url("charts"),
                                            "insecure",
                                            true,
                                            "interval",
                                            "1m"))
                            .build())
                    .create();
            client.resource(new GenericKubernetesResourceBuilder()
                            .withApiVersion("source.toolkit.fluxcd.io/v1")
                            .withKind("HelmChart")
                            .withNewMetadata()
                            .withName("redis")
                            .withNamespace(namespace)
                            .endMetadata()
                            .addToAdditionalProperties(
                                    "spec",
                                    Map.of(
                                            "chart", "redis",
                                            "version", "0.1.0",
                                            "interval", "1m",
                                            "sourceRef", Map.of("kind", "HelmRepository", "name", "oci-charts")))
                            .build())
                    .create();

            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        GenericKubernetesResource chart = client.genericKubernetesResources(
                                        "source.toolkit.fluxcd.io/v1", "HelmChart")
                                .inNamespace(namespace)
                                .withName("redis")
                                .get();
                        assertThat((Object) chart.get("status", "artifact", "revision"))
                                .as(
                                        "HelmChart status %s; flux logs:\n%s",
                                        chart.getAdditionalProperties().get("status"),
                                        kubernetes.flux().logTails())
                                .isEqualTo("0.1.0");
                    });
        }
    }
}
