package dev.hearth.bundle.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.hearth.bundle.Fixtures;
import dev.hearth.core.testing.YamlFixtures;

/**
 * Per fixture under {@code plan-hash/}: two sets of planner inputs, and whether their plans must have the same hash
 * (what a {@code Manual} approval names) or different ones.
 */
class PlanHashTest {

    /** A fixture: see the files' comments. */
    public static class Case {
        public boolean same;
        public Inputs a;
        public Inputs b;
    }

    public static class Inputs {
        public String bundle;
        public String variant = "generic";
        public Map<String, Boolean> enabled = Map.of();
        public Map<String, JsonNode> values = Map.of();
        public Map<String, Release> installed = Map.of();
        public Set<String> ready = Set.of();

        Plan plan() {
            Map<String, Installed> now = new HashMap<>();
            installed.forEach((name, r) -> now.put(
                    name,
                    new Installed(
                            name,
                            r.chartVersion,
                            r.values == null ? JsonNodeFactory.instance.objectNode() : r.values)));
            return Planner.plan(Fixtures.bundle(bundle), variant, enabled, values, now, ready);
        }
    }

    public static class Release {
        public String chartVersion;
        public JsonNode values;
    }

    static Stream<String> cases() throws IOException {
        return Files.list(Path.of("src/test/resources/plan-hash"))
                .map(p -> "plan-hash/" + p.getFileName())
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theHashNamesTheTargetAndNothingElse(String path) {
        Case c = YamlFixtures.read(path, Case.class);

        List<String> hashes = List.of(c.a.plan().hash(), c.b.plan().hash());

        assertThat(hashes).allSatisfy(h -> assertThat(h).matches("[0-9a-f]{16}"));
        if (c.same) {
            assertThat(hashes.get(1)).isEqualTo(hashes.get(0));
        } else {
            assertThat(hashes.get(1)).isNotEqualTo(hashes.get(0));
        }
    }
}
