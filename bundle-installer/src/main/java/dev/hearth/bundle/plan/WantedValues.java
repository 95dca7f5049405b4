package dev.hearth.bundle.plan;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hearth.bundle.model.Component;

/** A component's values: the bundle's, with the administrator's merged over them (maps deeply, the rest replaced). */
public final class WantedValues {
    private WantedValues() {}

    public static JsonNode of(Component component, JsonNode override) {
        JsonNode merged = component.values().deepCopy();
        if (override != null && override.isObject() && merged.isObject()) {
            merge((ObjectNode) merged, override);
        }
        return merged;
    }

    private static void merge(ObjectNode target, JsonNode override) {
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode existing = target.get(field.getKey());
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
