package dev.hearth.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * Real Flux against the test API server: source-controller reads Hearth's chart repository ({@link HelmChartRepository})
 * through a HelmRepository, helm-controller installs a HelmRelease of the redis app chart, the rendered objects appear
 * with the values given, and deleting the HelmRelease uninstalls them. No kubelet and no cloud: objects only, no pods,
 * and {@link PlayedCloud} gives the LoadBalancer Service its address.
 */
class FluxIT {
    private static final ResourceDefinitionContext HELM_RELEASE =
            ResourceDefinitionContext.fromResourceType(Flux.HelmRelease.class);
    private static final String REDIS_FAILOVER = "databases.spotahome.com/v1";

    private static TestKubernetes kubernetes;
    private static HelmChartRepository charts;

    @BeforeAll
    static void startFlux() {
        kubernetes = TestKubernetes.shared().withFlux().withUpstreamCrds("databases.spotahome.com");
        charts = HelmChartRepository.serveAppCharts();
    }

    @AfterAll
    static void stopChartRepository() {
        if (charts != null) {
            charts.close();
        }
    }

    @Test
    @Timeout(300)
    void helmReleaseOfAnAppChartInstallsItsObjectsAndDeletingItUninstallsThem() {
        KubernetesClient client = kubernetes.client();
        String namespace = kubernetes.newNamespace("flux");
        assertThat(charts.charts()).contains("redis-0.1.0");

        client.resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("source.toolkit.fluxcd.io/v1")
                        .withKind("HelmRepository")
                        .withNewMetadata()
                        .withName("hearth-apps")
                        .withNamespace(namespace)
                        .endMetadata()
                        .addToAdditionalProperties("spec", Map.of("url", charts.url(), "interval", "1m"))
                        .build())
                .create();
        // the shape apps-catalog writes (HelmReleaseFor): chart by version, retried and never remediated by uninstall
        Map<String, Object> retry = Map.of("strategy", Map.of("name", "RetryOnFailure", "retryInterval", "2m"));
        client.resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("helm.toolkit.fluxcd.io/v2")
                        .withKind("HelmRelease")
                        .withNewMetadata()
                        .withName("redis-cache")
                        .withNamespace(namespace)
                        .endMetadata()
                        .addToAdditionalProperties(
                                "spec",
                                Map.of(
                                        "interval",
                                        "5m",
                                        "releaseName",
                                        "redis-cache",
                                        "chart",
                                        Map.of(
                                                "spec",
                                                Map.of(
                                                        "chart", "redis",
                                                        "version", "0.1.0",
                                                        "reconcileStrategy", "ChartVersion",
                                                        "sourceRef",
                                                                Map.of(
                                                                        "kind",
                                                                        "HelmRepository",
                                                                        "name",
                                                                        "hearth-apps",
                                                                        "namespace",
                                                                        namespace))),
                                        "install",
                                        retry,
                                        "upgrade",
                                        retry,
                                        "values",
                                        Map.of(
                                                "replicas",
                                                3,
                                                "version",
                                                "v7",
                                                "size",
                                                "2Gi",
                                                "external",
                                                true,
                                                "_namespace",
                                                Map.of())))
                        .build())
                .create();

        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        PlayedCloud.settle(client, namespace);
                        return "True"
                                .equals(readyStatus(client.genericKubernetesResources(HELM_RELEASE)
                                        .inNamespace(namespace)
                                        .withName("redis-cache")
                                        .get()));
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "HelmRelease not Ready: "
                            + client.genericKubernetesResources(HELM_RELEASE)
                                    .inNamespace(namespace)
                                    .withName("redis-cache")
                                    .get()
                            + "\n" + kubernetes.flux().logTails(),
                    e);
        }

        GenericKubernetesResource failover = client.genericKubernetesResources(REDIS_FAILOVER, "RedisFailover")
                .inNamespace(namespace)
                .withName("redis-cache")
                .get();
        assertThat(failover).isNotNull();
        assertThat(failover.<Integer>get("spec", "redis", "replicas")).isEqualTo(3);
        assertThat(failover.<String>get("spec", "redis", "image")).isEqualTo("redis:7");
        assertThat(failover.<String>get(
                        "spec",
                        "redis",
                        "storage",
                        "persistentVolumeClaim",
                        "spec",
                        "resources",
                        "requests",
                        "storage"))
                .isEqualTo("2Gi");
        assertThat(failover.<String>get("spec", "auth", "secretPath")).isEqualTo("redis-cache-auth");
        var secret = client.secrets()
                .inNamespace(namespace)
                .withName("redis-cache-auth")
                .get();
        assertThat(secret).isNotNull();
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("password"))))
                .hasSize(32);
        var service = client.services()
                .inNamespace(namespace)
                .withName("redis-cache-external-lb")
                .get();
        assertThat(service).isNotNull();
        assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(client.secrets()
                        .inNamespace(namespace)
                        .withLabel("owner", "helm")
                        .list()
                        .getItems())
                .as("Helm's release record")
                .isNotEmpty();

        client.genericKubernetesResources(HELM_RELEASE)
                .inNamespace(namespace)
                .withName("redis-cache")
                .delete();

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> client.genericKubernetesResources(HELM_RELEASE)
                                .inNamespace(namespace)
                                .withName("redis-cache")
                                .get()
                        == null);
        assertThat(client.genericKubernetesResources(REDIS_FAILOVER, "RedisFailover")
                        .inNamespace(namespace)
                        .withName("redis-cache")
                        .get())
                .isNull();
        assertThat(client.secrets()
                        .inNamespace(namespace)
                        .withName("redis-cache-auth")
                        .get())
                .isNull();
        assertThat(client.services()
                        .inNamespace(namespace)
                        .withName("redis-cache-external-lb")
                        .get())
                .isNull();
        assertThat(client.secrets()
                        .inNamespace(namespace)
                        .withLabel("owner", "helm")
                        .list()
                        .getItems())
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static String readyStatus(GenericKubernetesResource helmRelease) {
        if (helmRelease == null
                || !(helmRelease.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
                || !(status.get("conditions") instanceof List<?> conditions)) {
            return null;
        }
        return conditions.stream()
                .map(c -> (Map<String, Object>) c)
                .filter(c -> "Ready".equals(c.get("type")))
                .map(c -> (String) c.get("status"))
                .findFirst()
                .orElse(null);
    }
}
