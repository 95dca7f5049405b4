package dev.hearth.bundle.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.Component;
import dev.hearth.bundle.plan.DependencyOrder;
import dev.hearth.bundle.plan.WantedValues;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Every object a variant of a bundle becomes: one source per chart repository, then per enabled component (in
 * dependency order) its namespace and its HelmRelease.
 */
public final class BundleObjectsFor {
    private BundleObjectsFor() {}

    public static List<HasMetadata> desired(
            Bundle bundle, String variant, Map<String, Boolean> enabled, Map<String, JsonNode> overrides) {
        List<Component> components = DependencyOrder.of(bundle.forVariant(variant)).stream()
                .filter(c -> enabled.getOrDefault(c.name(), !c.optional()))
                .toList();
        List<HasMetadata> objects = new ArrayList<>();
        new TreeSet<>(components.stream().map(c -> c.chart().repository()).toList())
                .forEach(repository -> objects.add(SourceFor.desired(bundle.name(), repository)));
        TreeSet<String> namespaces = new TreeSet<>();
        for (Component c : components) {
            if (namespaces.add(c.namespace())) {
                objects.add(ComponentNamespaceFor.desired(bundle.name(), c));
            }
            objects.add(ComponentReleaseFor.desired(bundle.name(), c, WantedValues.of(c, overrides.get(c.name()))));
        }
        return objects;
    }
}
