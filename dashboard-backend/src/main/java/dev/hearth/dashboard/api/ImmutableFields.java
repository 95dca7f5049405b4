package dev.hearth.dashboard.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The catalog's immutable fields ({@code FormSchema#immutable}, pointers under {@code spec}) that an update would
 * change: the API server refuses them too (the CEL rules they come from), but its message names {@code spec}; this
 * names the field. A pointer through a map or list ({@code *}) is left to the API server.
 */
final class ImmutableFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImmutableFields() {}

    static List<ApiErrors.FieldError> changed(
            List<String> immutable, GenericKubernetesResource stored, GenericKubernetesResource update) {
        JsonNode before = JSON.valueToTree(stored.getAdditionalProperties().get("spec"));
        JsonNode after = JSON.valueToTree(update.getAdditionalProperties().get("spec"));
        List<ApiErrors.FieldError> changed = new ArrayList<>();
        for (String pointer : immutable) {
            if (pointer.contains("*") || before == null || before.isNull()) {
                continue;
            }
            JsonNode was = "/".equals(pointer) ? before : before.at(pointer);
            JsonNode is = after == null ? null : ("/".equals(pointer) ? after : after.at(pointer));
            if (!was.isMissingNode() && !was.equals(is)) {
                String field = "spec" + ("/".equals(pointer) ? "" : pointer.replace('/', '.'));
                changed.add(new ApiErrors.FieldError(
                        field, field + " cannot change once set (it was " + was + "); create a new object instead"));
            }
        }
        return changed;
    }
}
