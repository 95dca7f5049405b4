package dev.hearth.bundle.platform;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.Component;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.api.platform.PlatformStatus;

/**
 * What the administrator had set when a revision was applied (each component of the variant enabled or not, and its
 * values), so that a rollback restores that revision as it ran, not the bundle version alone under today's spec: values
 * written for the newer chart may not fit the older one, and a component enabled with the upgrade was not there before.
 */
final class RevisionSettings {
    private RevisionSettings() {}

    /** Every component of the variant, so a recorded revision is never empty (an older one recorded nothing). */
    static Map<String, PlatformStatus.ComponentSettings> of(Bundle bundle, String variant, PlatformSpec spec) {
        Map<String, Boolean> enabled = PlatformInputs.enabled(spec);
        Map<String, PlatformStatus.ComponentSettings> settings = new TreeMap<>();
        for (Component c : bundle.forVariant(variant).components()) {
            PlatformStatus.ComponentSettings s = new PlatformStatus.ComponentSettings();
            s.enabled = enabled.getOrDefault(c.name(), !c.optional());
            PlatformSpec.Component set = spec.components.get(c.name());
            s.values = set == null ? null : set.values;
            settings.put(c.name(), s);
        }
        return settings;
    }

    /** The newest Applied or RolledBack revision of {@code version}: the last good one. */
    static Optional<PlatformStatus.Revision> lastGood(PlatformStatus status, String version) {
        return status.history.stream()
                .filter(r -> version.equals(r.version) && ("Applied".equals(r.result) || "RolledBack".equals(r.result)))
                .findFirst();
    }

    /**
     * The spec as it was at {@code revision}: its enabled and values, today's deletion policies and retry requests
     * (how to prune and retry is the administrator's word now). A revision that recorded nothing (written before
     * revisions held settings) leaves the spec as it is.
     */
    static PlatformSpec restore(PlatformSpec spec, PlatformStatus.Revision revision) {
        if (revision.components == null || revision.components.isEmpty()) {
            return spec;
        }
        PlatformSpec restored = new PlatformSpec();
        restored.bundle = spec.bundle;
        restored.upgradePolicy = spec.upgradePolicy;
        restored.components = new TreeMap<>();
        spec.components.forEach((name, now) -> {
            PlatformSpec.Component c = new PlatformSpec.Component();
            c.deletionPolicy = now.deletionPolicy;
            c.retryRequest = now.retryRequest;
            restored.components.put(name, c);
        });
        revision.components.forEach((name, then) -> {
            PlatformSpec.Component c = restored.components.computeIfAbsent(name, n -> new PlatformSpec.Component());
            c.enabled = then.enabled;
            c.values = then.values;
        });
        return restored;
    }
}
