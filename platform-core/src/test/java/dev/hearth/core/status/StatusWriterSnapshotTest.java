package dev.hearth.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatusWriterSnapshotTest {
    @Test
    void aStatusReadFromTheServerEqualsTheSameStatusBuiltHere() {
        // as an informer holds it: numbers that fit an int are Integers
        Map<String, Object> read = Map.of(
                "observedGeneration", 1, "conditions", List.of(Map.of("type", "Ready", "observedGeneration", 1)));
        // as a status class converts: observedGeneration is a Long
        Map<String, Object> built = Map.of(
                "observedGeneration", 1L, "conditions", List.of(Map.of("type", "Ready", "observedGeneration", 1L)));

        assertThat(StatusWriter.snapshot(read)).isEqualTo(StatusWriter.snapshot(built));
    }

    @Test
    void aDifferentStatusStaysDifferentAndNoStatusIsNull() {
        assertThat(StatusWriter.snapshot(Map.of("observedGeneration", 1)))
                .isNotEqualTo(StatusWriter.snapshot(Map.of("observedGeneration", 2L)));
        assertThat(StatusWriter.snapshot(null)).isNull();
    }
}
