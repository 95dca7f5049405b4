package dev.hearth.catalog.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.status.ReadyCondition;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

class InstanceStatusFromTest {
    private final InstanceStatusFrom statusFrom = new InstanceStatusFrom(ReadyCondition.systemClock());
    private final GenericKubernetesResource instance = resource("main", 4L, null);

    @Test
    void withoutAHelmReleaseTheInstanceIsReconciling() {
        InstanceStatus status = new InstanceStatus();
        statusFrom.update(instance, status, null);
        assertThat(ready(status))
                .extracting(Condition::getStatus, Condition::getReason)
                .containsExactly("Unknown", "Reconciling");
        assertThat(status.observedGeneration).isEqualTo(4L);
    }

    @Test
    void mirrorsTheReadyConditionAndVersionOfAnObservedHelmRelease() {
        InstanceStatus status = new InstanceStatus();
        statusFrom.update(
                instance,
                status,
                resource(
                        "postgres-main",
                        2L,
                        Map.of(
                                "observedGeneration",
                                2,
                                "lastAttemptedRevision",
                                "0.1.0",
                                "conditions",
                                List.of(Map.of(
                                        "type",
                                        "Ready",
                                        "status",
                                        "False",
                                        "reason",
                                        "InstallFailed",
                                        "message",
                                        "timed out")))));

        assertThat(ready(status))
                .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
                .containsExactly("False", "InstallFailed", "timed out");
        assertThat(status.version).isEqualTo("0.1.0");
    }

    @Test
    void aConditionOfAnOlderGenerationSaysProgressing() {
        InstanceStatus status = new InstanceStatus();
        statusFrom.update(
                instance,
                status,
                resource(
                        "postgres-main",
                        3L,
                        Map.of(
                                "observedGeneration",
                                2,
                                "conditions",
                                List.of(Map.of(
                                        "type",
                                        "Ready",
                                        "status",
                                        "True",
                                        "reason",
                                        "InstallSucceeded",
                                        "message",
                                        "ok")))));

        assertThat(ready(status))
                .extracting(Condition::getStatus, Condition::getReason)
                .containsExactly("Unknown", "Progressing");
    }

    private static Condition ready(InstanceStatus status) {
        return ReadyCondition.find(status.conditions, "Ready").orElseThrow();
    }

    private static GenericKubernetesResource resource(String name, Long generation, Map<String, Object> status) {
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace("tenant-foo")
                .withGeneration(generation)
                .build());
        if (status != null) {
            resource.setAdditionalProperty("status", status);
        }
        return resource;
    }
}
