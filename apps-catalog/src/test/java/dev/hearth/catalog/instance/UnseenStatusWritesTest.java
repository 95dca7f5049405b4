package dev.hearth.catalog.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

class UnseenStatusWritesTest {
    private static final Map<String, Object> INSTALLING = status("Running 'install' action");
    private static final Map<String, Object> INSTALLED = status("Helm install succeeded");

    private final UnseenStatusWrites unseen = new UnseenStatusWrites();

    @Test
    void theSameStatusAgainBeforeTheInformerDeliveredTheWriteRepeatsIt() {
        unseen.wrote("ns/db", at("10"), INSTALLING);

        assertThat(unseen.repeats("ns/db", at("10"), INSTALLING)).isTrue();
        assertThat(unseen.repeats("ns/db", at("10"), INSTALLED))
                .as("a new status")
                .isFalse();
        assertThat(unseen.repeats("ns/other", at("10"), INSTALLING))
                .as("another instance")
                .isFalse();
    }

    @Test
    void onceTheInformerHoldsANewerInstanceItIsTheTruthAgain() {
        unseen.wrote("ns/db", at("10"), INSTALLING);

        // the write came back (or someone else's): the caller compares with what the informer holds
        assertThat(unseen.repeats("ns/db", at("11"), INSTALLING)).isFalse();
        // and the memory is gone: the same resource version as before does not count any more
        assertThat(unseen.repeats("ns/db", at("10"), INSTALLING)).isFalse();
    }

    @Test
    void aGoneInstanceIsForgotten() {
        unseen.wrote("ns/db", at("10"), INSTALLING);
        unseen.forget("ns/db");

        assertThat(unseen.repeats("ns/db", at("10"), INSTALLING)).isFalse();
    }

    private static GenericKubernetesResource at(String resourceVersion) {
        GenericKubernetesResource instance = new GenericKubernetesResource();
        instance.setMetadata(new ObjectMetaBuilder()
                .withNamespace("ns")
                .withName("db")
                .withResourceVersion(resourceVersion)
                .build());
        return instance;
    }

    private static Map<String, Object> status(String message) {
        return Map.of("conditions", List.of(Map.of("type", "Ready", "message", message)));
    }
}
