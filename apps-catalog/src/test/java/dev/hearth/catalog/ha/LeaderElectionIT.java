package dev.hearth.catalog.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.hearth.catalog.bench.CatalogBenchmark;
import dev.hearth.core.Labels;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.bench.ReplicaPair;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Two replicas of apps-catalog (the built jar, prod profile, leader election on): only the lease holder writes (the
 * built-in definitions too), and when it is killed (SIGKILL) in the middle of a burst of apps the standby takes over
 * within the lease duration and every app gets exactly one HelmRelease and its status. Needs {@code target/quarkus-app}.
 */
class LeaderElectionIT {
    private static final int APPS = 100;
    private static final int NAMESPACES = 5;
    private static final String INSTANCE_API = "apps.hearth.dev/v1alpha1";
    private static final String HR_API = "helm.toolkit.fluxcd.io/v2";

    @Test
    void onlyTheLeaderWritesAndTheStandbyTakesOverMidBurst() throws Exception {
        TestKubernetes kubernetes = TestKubernetes.shared()
                .withHearthCrds()
                .withUpstreamCrds("helm.toolkit.fluxcd.io", "source.toolkit.fluxcd.io");
        KubernetesClient client = kubernetes.client();
        List<String> namespaces = IntStream.range(0, NAMESPACES)
                .mapToObj(i -> kubernetes.newNamespace("ha-apps"))
                .toList();
        try (ReplicaPair pair = ReplicaPair.start(
                kubernetes, Path.of("target/quarkus-app/quarkus-run.jar"), "apps-catalog", List.of())) {
            Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        var postgres = client.genericKubernetesResources(
                                        "platform.hearth.dev/v1alpha1", "ApplicationDefinition")
                                .withName("postgres")
                                .get();
                        return postgres != null
                                && String.valueOf(postgres.getAdditionalProperties()
                                                .get("status"))
                                        .contains("Serving");
                    });
            List<String> names =
                    IntStream.range(0, APPS).mapToObj(i -> "ha" + i).toList();
            pair.killLeaderMidBurst(
                    "apps",
                    APPS,
                    10,
                    () -> IntStream.range(0, APPS)
                            .parallel()
                            .forEach(i -> client.resource(
                                            CatalogBenchmark.postgres(namespaces.get(i % NAMESPACES), names.get(i)))
                                    .create()),
                    () -> converged(client, namespaces));
            // exactly one HelmRelease per app: no duplicate from two writers
            for (String namespace : namespaces) {
                List<GenericKubernetesResource> releases = client.genericKubernetesResources(HR_API, "HelmRelease")
                        .inNamespace(namespace)
                        .list()
                        .getItems();
                assertThat(releases.stream()
                                .map(r -> r.getMetadata().getLabels().get(Labels.APPLICATION_NAME))
                                .toList())
                        .doesNotHaveDuplicates()
                        .hasSize(APPS / NAMESPACES);
            }
        }
    }

    /** Apps with their HelmRelease and a status of their current generation. */
    private static int converged(KubernetesClient client, List<String> namespaces) {
        int converged = 0;
        for (String namespace : namespaces) {
            List<String> released =
                    client
                            .genericKubernetesResources(HR_API, "HelmRelease")
                            .inNamespace(namespace)
                            .list()
                            .getItems()
                            .stream()
                            .map(r -> r.getMetadata().getLabels().get(Labels.APPLICATION_NAME))
                            .toList();
            for (GenericKubernetesResource app : client.genericKubernetesResources(INSTANCE_API, "Postgres")
                    .inNamespace(namespace)
                    .list()
                    .getItems()) {
                Object status = app.getAdditionalProperties().get("status");
                if (released.contains(app.getMetadata().getName())
                        && status instanceof Map<?, ?> map
                        && Objects.equals(
                                String.valueOf(map.get("observedGeneration")),
                                String.valueOf(app.getMetadata().getGeneration()))) {
                    converged++;
                }
            }
        }
        return converged;
    }
}
