package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.BundleDocuments;
import dev.hearth.core.api.platform.PlatformStatus;

class MigrationsTest {
    private static final String BUNDLE = """
            name: b
            version: %s
            variants: [generic]
            components:
              - {name: db, layer: paas, namespace: db, chart: {repository: https://c.example.org, name: db, version: %s}%s}
            """;

    @Test
    void aMigratingVersionIsRecordedOnceDeployedAndOnlyTheNewestPerComponentIsKept() {
        PlatformStatus status = new PlatformStatus();
        status.components.put("db", deployed("1.9.0"));
        Migrations.record(status, bundle("2.0.0", "2.0.0", "schema v2"), "generic");
        assertThat(status.migrations).as("not deployed yet").isEmpty();

        status.components.put("db", deployed("2.0.0"));
        Migrations.record(status, bundle("2.0.0", "2.0.0", "schema v2"), "generic");
        Migrations.record(status, bundle("2.0.0", "2.0.0", "schema v2"), "generic");
        status.components.put("db", deployed("10.0.0"));
        Migrations.record(status, bundle("3.0.0", "10.0.0", "schema v10"), "generic");

        assertThat(status.migrations).singleElement().satisfies(m -> {
            assertThat(m.chartVersion).isEqualTo("10.0.0");
            assertThat(m.description).isEqualTo("schema v10");
        });
    }

    @Test
    void goingBackBelowARecordedMigrationIsNamedAndGoingBackToItOrAboveIsNot() {
        PlatformStatus status = new PlatformStatus();
        status.components.put("db", deployed("10.0.0"));
        Migrations.record(status, bundle("3.0.0", "10.0.0", "schema v10"), "generic");

        assertThat(Migrations.crossed(status, bundle("2.0.0", "9.1.0", null), "generic"))
                .contains("db 10.0.0 migrated its data (schema v10), so it cannot go back to 9.1.0");
        assertThat(Migrations.crossed(status, bundle("2.0.0", "10.0.0", null), "generic"))
                .isEmpty();
        assertThat(Migrations.crossed(status, bundle("2.0.0", "10.2.0", null), "generic"))
                .isEmpty();
    }

    private static PlatformStatus.ComponentStatus deployed(String version) {
        PlatformStatus.ComponentStatus c = new PlatformStatus.ComponentStatus();
        c.chartVersion = version;
        return c;
    }

    private static Bundle bundle(String version, String chartVersion, String migration) {
        return BundleDocuments.parse(
                BUNDLE.formatted(version, chartVersion, migration == null ? "" : ", migration: \"" + migration + "\""));
    }
}
