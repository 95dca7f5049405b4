package dev.hearth.kubernetes.addon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.core.api.kubernetes.Addons;
import dev.hearth.kubernetes.cluster.Fixtures;
import dev.hearth.kubernetes.release.ClusterRelease;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

class AddonReleasesForTest {

    @Test
    void everyClusterGetsCniDnsAndMetricsAndNothingElseUnlessEnabled() {
        var release = new ClusterRelease(Fixtures.kubernetes("minimal"), Fixtures.TENANT);

        assertThat(AddonReleasesFor.desired(release, Fixtures.SETTINGS))
                .extracting(r -> r.getMetadata().getName())
                .containsExactly("kubernetes-dev-cilium", "kubernetes-dev-coredns", "kubernetes-dev-metrics-server");
    }

    @Test
    void addonsInstallIntoTheTenantClusterThroughItsAdminKubeconfig() {
        var release = new ClusterRelease(Fixtures.kubernetes("minimal"), Fixtures.TENANT);

        for (GenericKubernetesResource helmRelease : AddonReleasesFor.desired(release, Fixtures.SETTINGS)) {
            assertThat(spec(helmRelease).get("kubeConfig"))
                    .isEqualTo(Map.of(
                            "secretRef", Map.of("name", "kubernetes-dev-admin-kubeconfig", "key", "super-admin.svc")));
        }
    }

    @Test
    void valuesOverrideMergesOverThePlatformValuesKeyByKey() {
        var kubernetes = Fixtures.kubernetes("minimal");
        kubernetes.getSpec().addons = new Addons();
        kubernetes.getSpec().addons.cilium.valuesOverride =
                new ObjectMapper().valueToTree(Map.of("MTU", 1400, "ipam", Map.of("mode", "kubernetes")));
        var release = new ClusterRelease(kubernetes, Fixtures.TENANT);

        var cilium = AddonReleasesFor.desired(release, Fixtures.SETTINGS).get(0);

        @SuppressWarnings("unchecked")
        var values = (Map<String, Object>) spec(cilium).get("values");
        assertThat(values)
                .containsEntry("MTU", 1400)
                .containsEntry("k8sServiceHost", "kubernetes-dev.tenant-acme.svc")
                .containsEntry(
                        "ipam",
                        Map.of(
                                "mode",
                                "kubernetes",
                                "operator",
                                Map.of("clusterPoolIPv4PodCIDRList", java.util.List.of("10.243.0.0/16"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }
}
