package dev.hearth.bundle.platform;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.plan.Installed;
import dev.hearth.bundle.plan.Plan;
import dev.hearth.bundle.plan.Planner;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.api.platform.PlatformStatus;
import dev.hearth.core.upstream.Flux;

/** What an administrator set per component, in the shapes the planner takes. */
final class PlatformInputs {
    private PlatformInputs() {}

    /** The plan of {@code bundle} for what the spec asks and what the cluster holds ({@code current} releases). */
    static Plan plan(
            Bundle bundle,
            String variant,
            PlatformSpec spec,
            Map<String, Flux.HelmRelease> current,
            PlatformStatus status) {
        Map<String, Installed> installed = new HashMap<>();
        current.forEach((name, release) -> installed.put(name, ComponentReleases.installed(name, release)));
        return Planner.plan(
                bundle, variant, enabled(spec), overrides(spec), installed, PlatformRollout.readyComponents(status));
    }

    static Map<String, Boolean> enabled(PlatformSpec spec) {
        Map<String, Boolean> enabled = new HashMap<>();
        spec.components.forEach((name, c) -> {
            if (c.enabled != null) {
                enabled.put(name, c.enabled);
            }
        });
        return enabled;
    }

    static Map<String, JsonNode> overrides(PlatformSpec spec) {
        Map<String, JsonNode> overrides = new HashMap<>();
        spec.components.forEach((name, c) -> {
            if (c.values != null) {
                overrides.put(name, c.values);
            }
        });
        return overrides;
    }

    /** Data-owning components are kept unless the administrator says Delete; the others go unless told Retain. */
    static PlatformSpec.DeletionPolicy deletionPolicy(PlatformSpec spec, String component, boolean ownsData) {
        PlatformSpec.Component c = spec.components.get(component);
        if (c != null && c.deletionPolicy != null) {
            return c.deletionPolicy;
        }
        return ownsData ? PlatformSpec.DeletionPolicy.Retain : PlatformSpec.DeletionPolicy.Delete;
    }

    static String retryRequest(PlatformSpec spec, String component) {
        PlatformSpec.Component c = spec.components.get(component);
        return c == null ? null : c.retryRequest;
    }

    static String variant(PlatformSpec spec) {
        return switch (spec.bundle.variant) {
            case BARE_METAL -> "bare-metal";
            case GENERIC -> "generic";
            case HOSTED -> "hosted";
        };
    }
}
