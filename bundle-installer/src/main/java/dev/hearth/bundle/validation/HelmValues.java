package dev.hearth.bundle.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The values Helm installs a chart with, and checks against its {@code values.schema.json}: the given values over the
 * chart's {@code values.yaml}. Maps merge key by key, anything else given replaces the default, and a null given
 * removes the key (Helm's way to drop a default); nulls are dropped from the result, as Helm drops them before the
 * check.
 */
public final class HelmValues {
    private HelmValues() {}

    public static JsonNode coalesce(JsonNode defaults, JsonNode given) {
        if (given == null || given.isMissingNode()) {
            return withoutNulls(defaults);
        }
        if (defaults == null || !defaults.isObject() || !given.isObject()) {
            return withoutNulls(given);
        }
        ObjectNode result = ((ObjectNode) withoutNulls(defaults));
        for (Map.Entry<String, JsonNode> entry : given.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                result.remove(entry.getKey());
            } else {
                result.set(entry.getKey(), coalesce(defaults.get(entry.getKey()), value));
            }
        }
        return result;
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        if (copy.isObject()) {
            List<String> nulls = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : copy.properties()) {
                if (entry.getValue().isNull()) {
                    nulls.add(entry.getKey());
                } else {
                    ((ObjectNode) copy).set(entry.getKey(), withoutNulls(entry.getValue()));
                }
            }
            ((ObjectNode) copy).remove(nulls);
        }
        return copy;
    }
}
