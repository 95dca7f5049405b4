package dev.hearth.catalog.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    private static final String FETCH_FAILED = "HelmChart 'tenant-foo/tenant-foo-ingress-main-system' is not ready: "
            + "failed to fetch Helm repository index: Get \"https://kubernetes.github.io/ingress-nginx/index.yaml\": "
            + "dial tcp: lookup kubernetes.github.io: no such host";

    /** The outer release's condition, the nested releases' conditions, and what the instance says. */
    static Stream<Arguments> nestedReleases() {
        return Stream.of(
                Arguments.of(
                        "every nested release Ready: the outer release's word",
                        installed(),
                        List.of(release("ingress-main-system", 1L, ready("True", "InstallSucceeded", "ok"))),
                        List.of("True", "InstallSucceeded", "Helm install succeeded")),
                Arguments.of(
                        "a nested release failing: False, naming it with Flux's reason and message",
                        installed(),
                        List.of(release("ingress-main-system", 1L, ready("False", "ArtifactFailed", FETCH_FAILED))),
                        List.of(
                                "False",
                                InstanceStatusFrom.NESTED_NOT_READY,
                                "HelmRelease ingress-main is installed; the release its chart rendered is not Ready: "
                                        + "HelmRelease ingress-main-system is not Ready (ArtifactFailed): "
                                        + FETCH_FAILED)),
                Arguments.of(
                        "a nested release Flux has not reconciled yet: Unknown",
                        installed(),
                        List.of(release("ingress-main-system", 1L, null)),
                        List.of(
                                "Unknown",
                                InstanceStatusFrom.NESTED_NOT_READY,
                                "HelmRelease ingress-main is installed; the release its chart rendered is not Ready: "
                                        + "HelmRelease ingress-main-system is not reconciled by Flux yet")),
                Arguments.of(
                        "several: each one not Ready named, by name; one False makes it False",
                        installed(),
                        List.of(
                                release("monitoring-main-vlogs", 1L, ready("False", "ArtifactFailed", "no such host")),
                                release("monitoring-main-grafana", 1L, ready("True", "InstallSucceeded", "ok")),
                                release("monitoring-main-vm", 2L, ready("Unknown", "Progressing", "installing"))),
                        List.of(
                                "False",
                                InstanceStatusFrom.NESTED_NOT_READY,
                                "HelmRelease ingress-main is installed; the releases its chart rendered are not Ready: "
                                        + "HelmRelease monitoring-main-vlogs is not Ready (ArtifactFailed): no such host; "
                                        + "HelmRelease monitoring-main-vm has a change Flux has not reconciled yet")),
                Arguments.of(
                        "the outer release failing: its own word, whatever the nested ones say",
                        release(
                                "ingress-main",
                                1L,
                                Map.of(
                                        "observedGeneration",
                                        1,
                                        "conditions",
                                        List.of(ready("False", "InstallFailed", "quota exceeded")))),
                        List.of(release("ingress-main-system", 1L, ready("False", "ArtifactFailed", FETCH_FAILED))),
                        List.of("False", "InstallFailed", "quota exceeded")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nestedReleases")
    void aNestedReleaseNotReadyKeepsTheInstanceFromReady(
            String when,
            GenericKubernetesResource outer,
            List<GenericKubernetesResource> nested,
            List<String> expected) {
        InstanceStatus status = new InstanceStatus();
        statusFrom.update(instance, status, outer, nested);
        assertThat(ready(status))
                .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aConditionStampedWithTheCurrentGenerationCountsThoughTheStatusIsBehind() {
        // helm-controller leaves status.observedGeneration behind when a reconcile fails (e.g. a missing Secret)
        InstanceStatus status = new InstanceStatus();
        Map<String, Object> condition = new java.util.LinkedHashMap<>(ready("False", "InstallFailed", "no Secret"));
        condition.put("observedGeneration", 3);
        statusFrom.update(
                instance,
                status,
                resource("postgres-main", 3L, Map.of("observedGeneration", 2, "conditions", List.of(condition))));
        assertThat(ready(status))
                .extracting(Condition::getStatus, Condition::getReason)
                .containsExactly("False", "InstallFailed");
    }

    @Test
    void anAttemptAfterAFailedOneSaysWhyThePreviousFailed() {
        // as helm-controller left a release Helm waited on, after its 5-minute timeout (observed in run-local)
        InstanceStatus status = new InstanceStatus();
        statusFrom.update(
                instance,
                status,
                resource(
                        "http-cache-main",
                        1L,
                        Map.of(
                                "observedGeneration",
                                1,
                                "failures",
                                2,
                                "conditions",
                                List.of(
                                        ready(
                                                "Unknown",
                                                "Progressing",
                                                "Running 'upgrade' action with timeout of 5m0s"),
                                        Map.of(
                                                "type",
                                                "Released",
                                                "status",
                                                "False",
                                                "reason",
                                                "UpgradeFailed",
                                                "message",
                                                "Helm upgrade failed for release tenant-foo/http-cache-main with chart"
                                                        + " httpcache@0.1.0: context deadline exceeded")))));

        assertThat(ready(status))
                .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
                .containsExactly(
                        "Unknown",
                        InstanceStatusFrom.RETRYING,
                        "Running 'upgrade' action with timeout of 5m0s; the previous attempt failed (UpgradeFailed, 2"
                                + " failures so far): Helm upgrade failed for release tenant-foo/http-cache-main with"
                                + " chart httpcache@0.1.0: context deadline exceeded (Helm's timeout: the release's"
                                + " resources did not become ready in time)");
    }

    @Test
    void aFirstAttemptOrAnOutcomeIsFluxsOwnWord() {
        Map<String, Object> released = Map.of("type", "Released", "status", "False", "reason", "InstallFailed");
        for (Map<String, Object> readyCondition : List.of(
                ready("False", "InstallFailed", "Helm install failed"), ready("True", "UpgradeSucceeded", "done"))) {
            InstanceStatus status = new InstanceStatus();
            statusFrom.update(
                    instance,
                    status,
                    resource(
                            "http-cache-main",
                            1L,
                            Map.of("observedGeneration", 1, "conditions", List.of(readyCondition, released))));
            assertThat(ready(status).getReason()).isEqualTo(readyCondition.get("reason"));
        }
        InstanceStatus first = new InstanceStatus();
        statusFrom.update(
                instance,
                first,
                release("http-cache-main", 1L, ready("Unknown", "Progressing", "Running 'install' action")));
        assertThat(ready(first).getMessage()).isEqualTo("Running 'install' action");
    }

    private static GenericKubernetesResource installed() {
        return release(
                "ingress-main",
                1L,
                Map.of(
                        "observedGeneration",
                        1,
                        "conditions",
                        List.of(ready("True", "InstallSucceeded", "Helm install succeeded"))));
    }

    /** A HelmRelease of generation 1; {@code observedGeneration} 1 with a condition, none without. */
    private static GenericKubernetesResource release(String name, long generation, Object status) {
        if (status instanceof Map<?, ?> condition && condition.containsKey("type")) {
            status = Map.of("observedGeneration", 1, "conditions", List.of(condition));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) status;
        return resource(name, generation, map);
    }

    private static Map<String, Object> ready(String status, String reason, String message) {
        return Map.of("type", "Ready", "status", status, "reason", reason, "message", message);
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
