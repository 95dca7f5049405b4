package dev.hearth.kubernetes.cluster;

import static dev.hearth.core.testing.Refusals.assertRefused;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.api.kubernetes.Kubernetes;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/** Bad specs the API server itself refuses, with a message that says what to change; the service never sees them. */
class KubernetesSpecRejectionIT {
    private static KubernetesClient client;
    private static String namespace;

    @BeforeAll
    static void namespace() {
        var kubernetes = TestKubernetes.shared().withHearthCrds();
        client = kubernetes.client();
        namespace = kubernetes.newNamespace("k8s-rejections");
    }

    @Test
    void anUnsupportedVersionIsRefused() {
        assertRefused(() -> create("old", "version: v1.29"), "spec.version: Unsupported value: \"v1.29\"");
        assertRefused(() -> create("old", "version: v1.29"), "\"v1.35\"");
    }

    @Test
    void moreMinimumThanMaximumNodesIsRefused() {
        assertRefused(
                () -> create("minmax", "nodeGroups: {workers: {minReplicas: 5, maxReplicas: 2}}"),
                "minReplicas must not be greater than maxReplicas");
    }

    @Test
    void aDowngradeIsRefused() {
        create("down", "version: v1.34");

        assertRefused(
                () -> client.resources(Kubernetes.class)
                        .inNamespace(namespace)
                        .withName("down")
                        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\": {\"version\": \"v1.33\"}}"),
                "spec.version cannot be downgraded: a cluster only moves forward to a newer Kubernetes minor");
    }

    /** Sent as plain YAML, as kubectl would: the typed model could not even hold some of these values. */
    private static GenericKubernetesResource create(String name, String spec) {
        String yaml = "apiVersion: apps.hearth.dev/v1alpha1\nkind: Kubernetes\nmetadata:\n  name: " + name
                + "\nspec:\n  " + spec + "\n";
        var kubernetes = client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        kubernetes.getMetadata().setNamespace(namespace);
        return client.resource(kubernetes).create();
    }
}
