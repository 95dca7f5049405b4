package dev.hearth.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

class DryRunDiffTest {
    private static GenericKubernetesResource disk(String version, int generation, Map<String, Object> spec) {
        GenericKubernetesResource disk = new GenericKubernetesResource();
        disk.setApiVersion("apps.hearth.dev/v1alpha1");
        disk.setKind("VMDisk");
        disk.setMetadata(new ObjectMetaBuilder()
                .withName("d")
                .withResourceVersion(version)
                .withGeneration((long) generation)
                .withUid("u")
                .build());
        disk.setAdditionalProperty("spec", spec);
        disk.setAdditionalProperty("status", Map.of("phase", version));
        return disk;
    }

    @Test
    void anUpdateShowsWhatChangedWithTheOldValueAndNothingTheServerKeeps() {
        DryRunDiff diff = DryRunDiff.of(
                disk("1", 1, Map.of("size", "1Gi", "bus", "virtio")),
                disk("2", 2, Map.of("size", "2Gi", "storageClass", "fast")));
        JsonNode ops = diff.diff();
        assertThat(ops.toString())
                .contains("{\"op\":\"replace\",\"fromValue\":\"1Gi\",\"path\":\"/spec/size\",\"value\":\"2Gi\"}")
                .contains("\"op\":\"remove\",\"path\":\"/spec/bus\"")
                .contains("{\"op\":\"add\",\"path\":\"/spec/storageClass\",\"value\":\"fast\"}")
                .doesNotContain("resourceVersion", "generation", "status");
        assertThat(ops.size()).isEqualTo(3);
        assertThat(diff.object().getMetadata().getResourceVersion()).isEqualTo("2");
    }

    @Test
    void aCreateAddsTheWholeObject() {
        JsonNode ops = DryRunDiff.of(null, disk("1", 1, Map.of("size", "1Gi"))).diff();
        assertThat(ops.toString()).contains("\"path\":\"/spec\"", "\"path\":\"/metadata\"", "\"path\":\"/kind\"");
        assertThat(ops.findValuesAsText("op")).containsOnly("add");
    }

    @Test
    void noChangeIsAnEmptyDiff() {
        assertThat(DryRunDiff.of(disk("1", 1, Map.of("size", "1Gi")), disk("1", 1, Map.of("size", "1Gi")))
                        .diff())
                .isEmpty();
    }
}
