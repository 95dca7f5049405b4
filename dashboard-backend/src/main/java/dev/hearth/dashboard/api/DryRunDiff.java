package dev.hearth.dashboard.api;

import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;

/**
 * The answer of a dry-run write: what the API server would store, and what that changes, as JSON-patch operations
 * from the stored object (nothing, for a create) to it, with the old value of every replaced field
 * ({@code fromValue}). The fields the API server keeps for itself (managedFields, resourceVersion, generation, uid,
 * creationTimestamp, status) are left out of the diff: the user did not change them.
 */
public record DryRunDiff(GenericKubernetesResource object, JsonNode diff) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVER_FIELDS =
            List.of("managedFields", "resourceVersion", "generation", "uid", "creationTimestamp");

    /** @param stored the object as it is, null for a create */
    public static DryRunDiff of(GenericKubernetesResource stored, GenericKubernetesResource wouldBe) {
        JsonNode before = stored == null ? JSON.createObjectNode() : comparable(stored);
        ArrayNode diff = (ArrayNode) JsonDiff.asJson(
                before,
                comparable(wouldBe),
                EnumSet.of(
                        DiffFlags.ADD_ORIGINAL_VALUE_ON_REPLACE,
                        DiffFlags.OMIT_MOVE_OPERATION,
                        DiffFlags.OMIT_COPY_OPERATION));
        return new DryRunDiff(wouldBe, diff);
    }

    private static JsonNode comparable(GenericKubernetesResource object) {
        ObjectNode tree = JSON.valueToTree(object);
        tree.remove("status");
        if (tree.get("metadata") instanceof ObjectNode metadata) {
            SERVER_FIELDS.forEach(metadata::remove);
        }
        return tree;
    }
}
