package dev.hearth.bundle.platform;

import java.time.Instant;
import java.util.Optional;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.Component;
import dev.hearth.core.api.platform.PlatformStatus;

/**
 * Chart versions that migrated a component's data (the bundle's {@code migration}), recorded in the Platform's status
 * once deployed: a rollback below one would hand the data to a version that cannot read it, so it is refused.
 */
final class Migrations {
    private Migrations() {}

    /** Records each migrating chart version the status shows deployed; one per component, the newest. */
    static void record(PlatformStatus status, Bundle bundle, String variant) {
        for (Component c : bundle.forVariant(variant).components()) {
            PlatformStatus.ComponentStatus component = status.components.get(c.name());
            if (c.migration() == null
                    || component == null
                    || !c.chart().version().equals(component.chartVersion)) {
                continue;
            }
            Optional<PlatformStatus.Migration> recorded = status.migrations.stream()
                    .filter(m -> m.component.equals(c.name()))
                    .findFirst();
            if (recorded.isPresent()
                    && compare(recorded.get().chartVersion, c.chart().version()) >= 0) {
                continue;
            }
            recorded.ifPresent(status.migrations::remove);
            PlatformStatus.Migration migration = new PlatformStatus.Migration();
            migration.component = c.name();
            migration.chartVersion = c.chart().version();
            migration.description = c.migration();
            migration.recordedAt = Instant.now().toString();
            status.migrations.add(migration);
        }
    }

    /** The recorded migration going back to {@code good} would undo, said for a condition; empty when none. */
    static Optional<String> crossed(PlatformStatus status, Bundle good, String variant) {
        for (PlatformStatus.Migration m : status.migrations) {
            Optional<Component> back = good.forVariant(variant).components().stream()
                    .filter(c -> c.name().equals(m.component))
                    .findFirst();
            if (back.isPresent() && compare(back.get().chart().version(), m.chartVersion) < 0) {
                return Optional.of(m.component + " " + m.chartVersion + " migrated its data (" + m.description
                        + "), so it cannot go back to " + back.get().chart().version());
            }
        }
        return Optional.empty();
    }

    /** Semantic versions compared by major, minor and patch (pinned chart versions: validation checked them). */
    static int compare(String a, String b) {
        String[] x = a.split("[.+-]");
        String[] y = b.split("[.+-]");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(number(x, i), number(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int number(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
