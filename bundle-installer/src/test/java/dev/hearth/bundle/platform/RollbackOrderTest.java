package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.hearth.bundle.Fixtures;
import dev.hearth.bundle.model.Bundle;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.api.platform.PlatformStatus;
import dev.hearth.core.testing.YamlFixtures;

/**
 * One pass of a rollback to the good revision (a bundle fixture, generic variant) per fixture under
 * {@code rollback/}: what each release asks for now, which are back and ready once written, and either the steps in
 * the order they are taken or the refusal a recorded migration gives.
 */
class RollbackOrderTest {

    /** A fixture: see the files' comments. */
    public static class Case {
        public String good;
        public Map<String, Boolean> enabled = Map.of();
        public Map<String, Asks> releases = Map.of();
        public List<String> backOnceWritten = List.of();
        public List<PlatformStatus.Migration> migrations = List.of();
        public List<String> expect = List.of();
        public String refused;
    }

    public static class Asks {
        public String asks;
        public boolean keepsCrds;
    }

    static Stream<String> cases() throws IOException {
        return Files.list(Path.of("src/test/resources/rollback"))
                .map(p -> "rollback/" + p.getFileName())
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aPassGoesBackDependentsFirstNeverDowngradingCrdsNorCrossingAMigration(String path) {
        Case c = YamlFixtures.read(path, Case.class);
        Bundle good = Fixtures.bundle(c.good);
        PlatformStatus status = new PlatformStatus();
        status.migrations = new ArrayList<>(c.migrations);

        Optional<String> refused = Migrations.crossed(status, good, "generic");
        if (c.refused != null) {
            assertThat(refused).contains(c.refused);
            return;
        }
        assertThat(refused).isEmpty();
        PlatformSpec spec = new PlatformSpec();
        c.enabled.forEach((name, on) -> {
            PlatformSpec.Component component = new PlatformSpec.Component();
            component.enabled = on;
            spec.components.put(name, component);
        });
        Map<String, RollbackOrder.Release> releases = new TreeMap<>();
        c.releases.forEach((name, r) -> releases.put(name, new RollbackOrder.Release(r.asks, r.keepsCrds)));

        List<RollbackOrder.Step> steps = RollbackOrder.pass(
                PlatformRollout.wanted(good, "generic", spec),
                releases,
                step -> c.backOnceWritten.contains(step.component().name()));

        assertThat(steps).extracting(Object::toString).containsExactlyElementsOf(c.expect);
    }
}
