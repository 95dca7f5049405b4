package dev.hearth.bundle.platform;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.core.api.platform.Platform;
import dev.hearth.core.api.platform.PlatformSpec;

/** The Platform {@code hearth} of the installer's tests: a test bundle at 1.0.0, variant generic. */
final class TestPlatforms {
    private TestPlatforms() {}

    static Platform of(String bundle, PlatformSpec.Mode mode, Map<String, PlatformSpec.Component> components) {
        Platform platform = new Platform();
        platform.getMetadata().setName("hearth");
        platform.getSpec().bundle = new PlatformSpec.Bundle();
        platform.getSpec().bundle.name = bundle;
        platform.getSpec().bundle.version = "1.0.0";
        platform.getSpec().bundle.variant = PlatformSpec.Variant.GENERIC;
        platform.getSpec().upgradePolicy = new PlatformSpec.UpgradePolicy();
        platform.getSpec().upgradePolicy.mode = mode;
        platform.getSpec().components = new TreeMap<>(components);
        return platform;
    }

    /** With {@code Auto} upgrades and one component's values. */
    static Platform withValues(String bundle, String component, JsonNode values) {
        PlatformSpec.Component settings = new PlatformSpec.Component();
        settings.values = values;
        return of(bundle, PlatformSpec.Mode.Auto, Map.of(component, settings));
    }
}
