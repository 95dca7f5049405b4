package dev.hearth.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** With kube-controller-manager running, namespace deletion and garbage collection are real. */
class ControllerManagerIT {

    @Test
    void deletingANamespaceReallyRemovesItAndItsContent() {
        TestKubernetes kubernetes = TestKubernetes.shared().withControllerManager();
        KubernetesClient client = kubernetes.client();
        String namespace = kubernetes.newNamespace("kcm");
        client.configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("content")
                        .endMetadata()
                        .addToData("a", "b")
                        .build())
                .create();

        client.namespaces().withName(namespace).delete();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> client.namespaces().withName(namespace).get() == null);
        assertThat(kubernetes.controllerManagerRunning()).isTrue();
    }

    @Test
    void garbageCollectorDeletesDependentsOfADeletedOwner() {
        TestKubernetes kubernetes = TestKubernetes.shared().withControllerManager();
        KubernetesClient client = kubernetes.client();
        String namespace = kubernetes.newNamespace("gc");
        var owner = client.configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("owner")
                        .endMetadata()
                        .build())
                .create();
        client.configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("dependent")
                        .addNewOwnerReference()
                        .withApiVersion("v1")
                        .withKind("ConfigMap")
                        .withName("owner")
                        .withUid(owner.getMetadata().getUid())
                        .endOwnerReference()
                        .endMetadata()
                        .build())
                .create();

        client.configMaps().inNamespace(namespace).withName("owner").delete();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> client.configMaps()
                                .inNamespace(namespace)
                                .withName("dependent")
                                .get()
                        == null);
    }
}
