package dev.hearth.kubernetes.addon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;

import dev.hearth.core.testing.HelmChartRepository;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.TestPaths;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.GenericFields;
import dev.hearth.kubernetes.cluster.Fixtures;
import dev.hearth.kubernetes.release.ClusterRelease;

/**
 * Every addon release of the fullest cluster spec (mapping/maximal.yaml: every addon enabled, values overridden), its
 * chart rendered by Helm from the addon chart repository with the values kubernetes-service gives it: the charts'
 * own schemas accept them, and they reach the chart. The addons whose chart no registry here serves are named, so
 * that adding a chart, or losing one, shows here and in docs/kubernetes-service.md. Helm's {@code lookup()} (Cilium's
 * Hubble certificates) reads the test API server, through the file the build's {@code $KUBECONFIG} names.
 */
class AddonChartsRenderIT {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> NOT_PROVIDED =
            List.of("ingress-nginx", "monitoring-agents", "gpu-operator", "velero");

    @BeforeAll
    static void lookUpInTheTestApiServer() throws IOException {
        TestKubernetes.shared().copyKubeconfigToEnvironmentFile();
    }

    static Stream<Flux.HelmRelease> maximalReleases() {
        var release = new ClusterRelease(Fixtures.kubernetes("maximal"), Fixtures.TENANT);
        return AddonReleasesFor.desired(release, Fixtures.SETTINGS).stream();
    }

    @Test
    void everyAddonHasAChartButThoseNoRegistryServes() {
        assertThat(maximalReleases()
                        .map(AddonChartsRenderIT::chart)
                        .filter(c -> chartFolder(c).isEmpty()))
                .containsExactlyElementsOf(NOT_PROVIDED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maximalReleases")
    @SuppressWarnings("unchecked")
    void theChartRendersWithTheValuesTheServiceGives(Flux.HelmRelease helmRelease, @TempDir Path dir)
            throws IOException {
        Optional<Path> folder = chartFolder(chart(helmRelease));
        if (folder.isEmpty()) {
            assertThat(NOT_PROVIDED).contains(chart(helmRelease));
            return;
        }
        Map<String, Object> spec =
                (Map<String, Object>) helmRelease.getAdditionalProperties().get("spec");
        Path values = dir.resolve("values.yaml");
        YAML.writeValue(values.toFile(), spec.getOrDefault("values", Map.of()));

        String manifest = new Helm(withoutKubeVersion(folder.get(), dir.resolve("chart")))
                .template()
                .withName((String) spec.get("releaseName"))
                .withNamespace((String) spec.get("targetNamespace"))
                .withValuesFile(values)
                .call();

        assertThat(manifest).contains("kind: ");
        switch (chart(helmRelease)) {
            case "cilium" ->
                assertThat(manifest)
                        .contains("mtu: \"1400\"") // the user's override over the platform's 1350
                        .contains("enable-hubble: \"true\"")
                        .contains("value: \"kubernetes-prod.tenant-acme.svc\"");
            case "coredns" -> assertThat(manifest).contains("replicas: 3").contains("clusterIP: 10.95.0.10");
            case "cert-manager" ->
                assertThat(manifest)
                        .contains("name: \"certificates.cert-manager.io\"") // the CRDs the platform's default asks for
                        .contains("namespace: cert-manager");
            default -> assertThat(manifest).contains("namespace: " + spec.get("targetNamespace"));
        }
    }

    /**
     * A copy of the chart without its {@code kubeVersion}: Helm's template checks it against its default v1.20, and
     * helm-java has no {@code --kube-version}. AddonsThroughFluxIT installs them against a v1.35 API server, which
     * Helm checks it against there.
     */
    private static Path withoutKubeVersion(Path chart, Path copy) throws IOException {
        TestPaths.copyTree(chart, copy);
        Path metadata = copy.resolve("Chart.yaml");
        Files.writeString(metadata, Files.readString(metadata).replaceFirst("(?m)^kubeVersion:.*$", ""));
        return copy;
    }

    private static String chart(Flux.HelmRelease release) {
        return GenericFields.string(release, "spec", "chart", "spec", "chart").orElseThrow();
    }

    private static Optional<Path> chartFolder(String chart) {
        return HelmChartRepository.addonCharts().stream()
                .map(dir -> dir.resolve(chart))
                .filter(dir -> Files.isRegularFile(dir.resolve("Chart.yaml")))
                .findFirst();
    }
}
