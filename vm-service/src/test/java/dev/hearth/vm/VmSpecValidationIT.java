package dev.hearth.vm;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.Refusals;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.YamlFixtures;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;

/**
 * Bad VMDisks and VMInstances never reach the operator: the API server refuses them and says what to change. The rules
 * platform-core's CrdContractIT tests (a disk's one source and its size that only grows, instanceType or resources) are
 * not repeated here.
 */
class VmSpecValidationIT {
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
    void refusesACloneOfADiskNameThatIsNotAReference() {
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMDisk
                metadata: {name: clone}
                spec: {size: 10Gi, source: {disk: {name: Other_Disk}}}
                """, "spec.source.disk.name in body should match '^[a-z]([-a-z0-9]*[a-z0-9])?$'");
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
    void refusesAnUnknownRunStrategy() {
        assertRefused("""
                apiVersion: apps.hearth.dev/v1alpha1
                kind: VMInstance
                metadata: {name: strategy}
                spec: {disks: [{name: system}], runStrategy: Sometimes}
                """, "spec.runStrategy: Unsupported value: \"Sometimes\"");
    }

    private static void assertRefused(String yaml, String expectedMessage) {
        Refusals.assertRefused(() -> create(yaml), expectedMessage);
    }

    private static GenericKubernetesResource create(String yaml) {
        GenericKubernetesResource resource = YamlFixtures.parse(yaml, GenericKubernetesResource.class);
        resource.getMetadata().setNamespace(namespace);
        return client.resource(resource).fieldValidation(Validation.STRICT).create();
    }

    private static GenericKubernetesResource update(GenericKubernetesResource resource, String field, Object value) {
        GenericKubernetesResource current = client.resource(resource).get();
        spec(current).put(field, value);
        return client.resource(current).update();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }
}
