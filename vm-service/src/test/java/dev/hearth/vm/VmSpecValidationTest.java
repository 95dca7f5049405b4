package dev.hearth.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;

/** Bad VMDisks and VMInstances never reach the operator: the API server refuses them and says what to change. */
class VmSpecValidationTest {
    private static KubernetesClient client;
    private static String namespace;

    @BeforeAll
    static void apiServer() {
        TestKubernetes kubernetes =
                TestKubernetes.shared().withHearthCrds().withUpstreamCrds(Fixtures.UPSTREAM_CRDS.split(","));
        client = kubernetes.client();
        namespace = kubernetes.newNamespace("vm-validation");
    }

    @Test
    void refusesADiskWithTwoSources() {
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMDisk
                metadata: {name: two}
                spec:
                  size: 10Gi
                  source:
                    image: {name: ubuntu-24.04}
                    http: {url: "https://example.org/disk.img"}
                """, "spec.source: Invalid value: set exactly one source: image, http, upload, disk or blank");
    }

    @Test
    void refusesShrinkingADiskButLetsItGrow() {
        GenericKubernetesResource disk = create("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMDisk
                metadata: {name: shrink}
                spec: {size: 10Gi, source: {blank: {}}}
                """);

        assertThatThrownBy(() -> update(disk, "size", "9Gi"))
                .satisfies(e -> assertThat(message(e)).contains("spec.size cannot shrink: a disk can only grow"));
        assertThat(spec(update(disk, "size", "11Gi"))).containsEntry("size", "11Gi");
    }

    @Test
    void refusesChangingTheSourceOfADisk() {
        GenericKubernetesResource disk = create("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMDisk
                metadata: {name: resource}
                spec: {size: 10Gi, source: {blank: {}}}
                """);

        assertThatThrownBy(() -> update(disk, "source", Map.of("http", Map.of("url", "https://example.org/other.img"))))
                .satisfies(e -> assertThat(message(e)).contains("spec.source is immutable once the disk exists"));
    }

    @Test
    void refusesACloneOfADiskNameThatIsNotAReference() {
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMDisk
                metadata: {name: clone}
                spec: {size: 10Gi, source: {disk: {name: Other_Disk}}}
                """, "spec.source.disk.name in body should match '^[a-z]([-a-z0-9]*[a-z0-9])?$'");
    }

    @Test
    void refusesAnInstanceTypeTogetherWithExplicitResources() {
        assertRefused(
                """
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: both}
                spec:
                  instanceType: u1.medium
                  resources: {cpu: 2, memory: 4Gi}
                """,
                "spec: Invalid value: set either instanceType (with an optional preference) or resources, not both");
    }

    @Test
    void refusesADiskReferenceThatIsNotAValidName() {
        assertRefused(
                """
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: badref}
                spec:
                  disks: [{name: system}, {name: "../Data Disk"}]
                """,
                "spec.disks[1].name: Invalid value: \"../Data Disk\": spec.disks[1].name in body should match '^[a-z]([-a-z0-9]*[a-z0-9])?$'");
    }

    @Test
    void refusesAnExternalPortOutOfRange() {
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: ports}
                spec: {external: true, externalPorts: [22, 70000]}
                """, "externalPorts must be between 1 and 65535");
    }

    @Test
    void refusesAnUnknownRunStrategy() {
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: strategy}
                spec: {runStrategy: Sometimes}
                """, "spec.runStrategy: Unsupported value: \"Sometimes\"");
    }

    private static void assertRefused(String yaml, String expectedMessage) {
        assertThatThrownBy(() -> create(yaml)).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isIn(400, 422);
            assertThat(message(e)).contains(expectedMessage);
        });
    }

    private static GenericKubernetesResource create(String yaml) {
        GenericKubernetesResource resource = Fixtures.read(yaml, GenericKubernetesResource.class);
        resource.getMetadata().setNamespace(namespace);
        return client.resource(resource).fieldValidation(Validation.STRICT).create();
    }

    private static GenericKubernetesResource update(GenericKubernetesResource resource, String field, Object value) {
        GenericKubernetesResource current = client.resource(resource).get();
        spec(current).put(field, value);
        return client.resource(current).update();
    }

    private static String message(Throwable e) {
        return ((KubernetesClientException) e).getStatus().getMessage();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }
}
