package dev.hearth.kubernetes.addon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hearth.kubernetes.cluster.Fixtures;
import dev.hearth.kubernetes.release.ClusterSettings;

class AddonChartRepositoryForTest {

    @Test
    void theSourceTheReleasesNameIsWrittenAtTheUrl() {
        var repository = AddonChartRepositoryFor.desired(Fixtures.SETTINGS, "https://charts.example.org/addons", "ks");

        assertThat(repository.getMetadata().getNamespace()).isEqualTo("hearth-system");
        assertThat(repository.getMetadata().getName()).isEqualTo("hearth-kubernetes-addons");
        assertThat(repository.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "hearth-ks");
        assertThat(repository.getAdditionalProperties().get("spec"))
                .isEqualTo(Map.of("url", "https://charts.example.org/addons", "interval", "10m"));
    }

    @Test
    void anOciUrlIsAnOciRepository() {
        var repository = AddonChartRepositoryFor.desired(Fixtures.SETTINGS, "oci://ghcr.io/hearth-dev/addons", "ks");

        assertThat(repository.getAdditionalProperties().get("spec"))
                .isEqualTo(Map.of("url", "oci://ghcr.io/hearth-dev/addons", "interval", "10m", "type", "oci"));
    }

    @Test
    void aUrlForASourceThatIsNoHelmRepositoryIsRefused() {
        var git = settings("GitRepository/flux-system/addons");

        assertThatThrownBy(() -> AddonChartRepositoryFor.desired(git, "https://charts.example.org/addons", "ks"))
                .hasMessage("hearth.tenant-clusters.addon-chart-repository-url is set, but"
                        + " hearth.tenant-clusters.addon-chart-source GitRepository/flux-system/addons is not a"
                        + " HelmRepository: unset the URL, or name a HelmRepository");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hearth-kubernetes-addons",
                "HelmRepository/hearth-kubernetes-addons",
                "HelmRepository//hearth-kubernetes-addons",
                "HelmRepository/hearth-system/",
                "HelmRepository/hearth-system/a/b",
                "OCIRepository/hearth-system/addons",
                "helmrepository/hearth-system/addons"
            })
    void aMalformedSourceRefusesTheSettings(String source) {
        assertThatThrownBy(() -> settings(source))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hearth.tenant-clusters.addon-chart-source must be <kind>/<namespace>/<name> with kind"
                        + " one of [HelmRepository, GitRepository, Bucket], not '" + source + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HelmRepository/hearth-system/addons", "GitRepository/flux-system/addons", "Bucket/a/b"})
    void aWellFormedSourceIsTaken(String source) {
        assertThat(settings(source).addonChartSource()).isEqualTo(source);
    }

    private static ClusterSettings settings(String source) {
        return new ClusterSettings(Fixtures.SETTINGS.nodeImage(), Fixtures.SETTINGS.autoscalerImage(), source, "");
    }
}
