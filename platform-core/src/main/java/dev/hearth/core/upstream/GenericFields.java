package dev.hearth.core.upstream;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** Reads nested fields of objects that arrive as generic maps (upstream kinds, catalog kinds). Absent is empty. */
public final class GenericFields {
    private GenericFields() {}

    public static Optional<Object> at(GenericKubernetesResource resource, String... path) {
        return resource == null ? Optional.empty() : at(resource.getAdditionalProperties(), path);
    }

    public static Optional<Object> at(Map<?, ?> map, String... path) {
        Object current = map;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> level)) {
                return Optional.empty();
            }
            current = level.get(key);
        }
        return Optional.ofNullable(current);
    }

    public static Optional<String> string(GenericKubernetesResource resource, String... path) {
        return at(resource, path).map(String::valueOf);
    }

    public static Optional<Integer> integer(GenericKubernetesResource resource, String... path) {
        return at(resource, path).filter(Number.class::isInstance).map(n -> ((Number) n).intValue());
    }

    /** True for a boolean {@code true} or the string {@code "true"}. */
    public static boolean isTrue(GenericKubernetesResource resource, String... path) {
        return at(resource, path)
                .map(v -> Boolean.TRUE.equals(v) || "true".equals(v))
                .orElse(false);
    }

    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> map(GenericKubernetesResource resource, String... path) {
        return at(resource, path).filter(Map.class::isInstance).map(m -> (Map<String, Object>) m);
    }

    /** A list of objects, such as {@code status.conditions}; empty when absent or not a list. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(GenericKubernetesResource resource, String... path) {
        return at(resource, path)
                .filter(List.class::isInstance)
                .map(l -> (List<Map<String, Object>>) l)
                .orElse(List.of());
    }
}
