package dev.hearth.dashboard.catalog;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A kind's spec schema made ready for a browser form: the Kubernetes extensions a JSON-schema validator does not know
 * are removed (CEL rules, {@code x-kubernetes-*}, {@code nullable}), what the CEL rules make immutable is listed, the
 * secret-looking fields are listed and masked in the uiSchema (rjsf's), and the definition's {@code keysOrder} becomes
 * the uiSchema's {@code ui:order}. Paths are JSON pointers under {@code spec}; {@code *} stands for any map key or
 * list item.
 *
 * @param schema the JSON schema of {@code spec}
 * @param uiSchema rjsf's uiSchema for {@code spec}
 * @param immutable the fields an update may not change, as the CEL rules say
 * @param secretFields the fields whose values are secrets (passwords, tokens, keys)
 */
public record FormSchema(JsonNode schema, JsonNode uiSchema, List<String> immutable, List<String> secretFields) {
    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(password|passwd|secret|token|apikey|api_key|privatekey|private_key|credential).*");
    /** {@code self.x == oldSelf.x}: the rule keeps property x as it was. */
    private static final Pattern KEEPS_PROPERTY =
            Pattern.compile("\\bself\\.([A-Za-z_][A-Za-z0-9_]*) == oldSelf\\.\\1\\b");

    private static final Pattern KEEPS_SELF = Pattern.compile("^\\s*self\\s*==\\s*oldSelf\\s*$");

    /**
     * @param specSchema the served CRD's (or the definition's) schema of {@code spec}; not modified
     * @param keysOrder the definition's key order, as paths from the object ({@code [spec, replicas]})
     */
    public static FormSchema of(JsonNode specSchema, List<List<String>> keysOrder) {
        ObjectNode schema = specSchema != null && specSchema.isObject()
                ? ((ObjectNode) specSchema).deepCopy()
                : JsonNodeFactory.instance.objectNode().put("type", "object");
        List<String> immutable = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        ObjectNode uiSchema = JsonNodeFactory.instance.objectNode();
        clean(schema, "", immutable, secrets, uiSchema);
        order(uiSchema, keysOrder == null ? List.of() : keysOrder);
        return new FormSchema(schema, uiSchema, List.copyOf(immutable), List.copyOf(secrets));
    }

    private static void clean(
            ObjectNode node, String pointer, List<String> immutable, List<String> secrets, ObjectNode ui) {
        JsonNode rules = node.remove("x-kubernetes-validations");
        if (rules != null) {
            for (JsonNode rule : rules) {
                immutableBy(rule.path("rule").asText(""), pointer, immutable);
            }
        }
        if (node.path("x-kubernetes-int-or-string").asBoolean(false)) {
            node.remove("type");
            node.set("type", JsonNodeFactory.instance.arrayNode().add("integer").add("string"));
        }
        if (node.path("nullable").asBoolean(false) && node.path("type").isTextual()) {
            node.set(
                    "type",
                    JsonNodeFactory.instance
                            .arrayNode()
                            .add(node.path("type").asText())
                            .add("null"));
        }
        node.remove("nullable");
        node.remove("$schema");
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("x-kubernetes-")) {
                names.remove();
            }
        }
        if (node.path("properties").isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> properties =
                            node.get("properties").fields();
                    properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                if (!property.getValue().isObject()) {
                    continue;
                }
                String path = pointer + "/" + property.getKey();
                ObjectNode propertyUi = JsonNodeFactory.instance.objectNode();
                if (isSecret(property.getKey(), property.getValue())) {
                    secrets.add(path);
                    propertyUi.put("ui:widget", "password");
                }
                clean((ObjectNode) property.getValue(), path, immutable, secrets, propertyUi);
                if (!propertyUi.isEmpty()) {
                    ui.set(property.getKey(), propertyUi);
                }
            }
        }
        child(node, "additionalProperties", pointer, immutable, secrets, ui);
        child(node, "items", pointer, immutable, secrets, ui);
    }

    private static void child(
            ObjectNode node,
            String keyword,
            String pointer,
            List<String> immutable,
            List<String> secrets,
            ObjectNode ui) {
        if (node.path(keyword).isObject()) {
            ObjectNode childUi = JsonNodeFactory.instance.objectNode();
            clean((ObjectNode) node.get(keyword), pointer + "/*", immutable, secrets, childUi);
            if (!childUi.isEmpty()) {
                ui.set(keyword, childUi);
            }
        }
    }

    private static void immutableBy(String rule, String pointer, List<String> immutable) {
        if (KEEPS_SELF.matcher(rule).matches()) {
            add(immutable, pointer.isEmpty() ? "/" : pointer);
            return;
        }
        Matcher kept = KEEPS_PROPERTY.matcher(rule);
        while (kept.find()) {
            add(immutable, pointer + "/" + kept.group(1));
        }
    }

    private static void add(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static boolean isSecret(String name, JsonNode schema) {
        return "string".equals(schema.path("type").asText())
                && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /** keysOrder's {@code [spec, a]} and {@code [spec, a, b]} become {@code ui:order} of spec and of a. */
    private static void order(ObjectNode ui, List<List<String>> keysOrder) {
        for (List<String> path : keysOrder) {
            if (path.size() < 2 || !"spec".equals(path.get(0))) {
                continue;
            }
            ObjectNode level = ui;
            for (int i = 1; i < path.size() - 1; i++) {
                level = level.has(path.get(i)) && level.get(path.get(i)).isObject()
                        ? (ObjectNode) level.get(path.get(i))
                        : level.putObject(path.get(i));
            }
            ArrayNode order = level.has("ui:order") ? (ArrayNode) level.get("ui:order") : level.putArray("ui:order");
            order.add(path.get(path.size() - 1));
        }
        closeOrders(ui);
    }

    /** rjsf refuses an order that misses a property; {@code *} places the rest after the named ones. */
    private static void closeOrders(ObjectNode ui) {
        if (ui.get("ui:order") instanceof ArrayNode order) {
            order.add("*");
        }
        ui.fields().forEachRemaining(entry -> {
            if (entry.getValue() instanceof ObjectNode child) {
                closeOrders(child);
            }
        });
    }
}
