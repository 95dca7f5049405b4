package dev.hearth.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.YamlFixtures;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

class GenericFieldsTest {
    private final GenericKubernetesResource cluster = YamlFixtures.parse("""
            apiVersion: cluster.x-k8s.io/v1beta1
            kind: Cluster
            metadata: {name: kubernetes-a}
            spec:
              controlPlaneEndpoint: {host: a.example.org, port: 6443}
            status:
              phase: Provisioned
              controlPlaneReady: true
              infrastructureReady: "true"
              conditions:
                - {type: Ready, status: "True"}
            """, GenericKubernetesResource.class);

    @Test
    void readsNestedFieldsByTheirPath() {
        assertThat(GenericFields.string(cluster, "status", "phase")).contains("Provisioned");
        assertThat(GenericFields.integer(cluster, "spec", "controlPlaneEndpoint", "port"))
                .contains(6443);
        assertThat(GenericFields.isTrue(cluster, "status", "controlPlaneReady")).isTrue();
        assertThat(GenericFields.isTrue(cluster, "status", "infrastructureReady"))
                .isTrue();
        assertThat(GenericFields.map(cluster, "spec", "controlPlaneEndpoint"))
                .contains(Map.of("host", "a.example.org", "port", 6443));
        assertThat(GenericFields.list(cluster, "status", "conditions"))
                .containsExactly(Map.of("type", "Ready", "status", "True"));
    }

    @Test
    void anAbsentOrMistypedFieldIsEmptyNotAnError() {
        assertThat(GenericFields.string(cluster, "status", "failureMessage")).isEmpty();
        assertThat(GenericFields.string(cluster, "status", "phase", "deeper")).isEmpty();
        assertThat(GenericFields.integer(cluster, "status", "phase")).isEmpty();
        assertThat(GenericFields.isTrue(cluster, "status", "phase")).isFalse();
        assertThat(GenericFields.list(cluster, "status", "phase")).isEmpty();
        assertThat(GenericFields.map(cluster, "status", "phase")).isEmpty();
        assertThat(GenericFields.string(null, "status")).isEmpty();
        assertThat(GenericFields.at(Map.of("a", List.of(1)), "a", "b")).isEmpty();
    }

    @Test
    void anUpstreamObjectIsBuiltWithTheKindItsClassNames() {
        ClusterApi.Cluster object =
                Upstream.object(ClusterApi.Cluster.class, cluster.getMetadata(), Map.of("paused", false));
        assertThat(object.getApiVersion()).isEqualTo("cluster.x-k8s.io/v1beta1");
        assertThat(object.getKind()).isEqualTo("Cluster");
        assertThat(object.getAdditionalProperties()).containsEntry("spec", Map.of("paused", false));
        assertThat(ClusterApi.ref(ClusterApi.KamajiControlPlane.class, "kubernetes-a", "tenant-foo"))
                .containsExactly(
                        Map.entry("apiVersion", "controlplane.cluster.x-k8s.io/v1alpha1"),
                                Map.entry("kind", "KamajiControlPlane"),
                        Map.entry("name", "kubernetes-a"), Map.entry("namespace", "tenant-foo"));
    }
}
