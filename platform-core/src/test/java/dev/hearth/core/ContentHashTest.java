package dev.hearth.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void equalContentInAnotherMapOrderHashesAlike() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", Map.of("x", "y"));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", Map.of("x", "y"));
        ba.put("a", 1);

        assertThat(ContentHash.of(ab, 16))
                .isEqualTo(ContentHash.of(ba, 16))
                .hasSize(16)
                .matches("[0-9a-f]+");
    }

    @Test
    void differentContentHashesDifferently() {
        assertThat(ContentHash.of(Map.of("a", 1), 6)).isNotEqualTo(ContentHash.of(Map.of("a", 2), 6));
    }
}
