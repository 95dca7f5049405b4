package dev.hearth.kubernetes.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** Reads nested fields of upstream objects, which arrive as generic maps. */
final class Fields {
    private Fields() {}

    static Optional<Object> at(GenericKubernetesResource resource, String... path) {
        if (resource == null) {
            return Optional.empty();
        }
        Object current = resource.getAdditionalProperties();
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    static Optional<String> string(GenericKubernetesResource resource, String... path) {
        return at(resource, path).map(String::valueOf);
    }

    static Optional<Integer> integer(GenericKubernetesResource resource, String... path) {
        return at(resource, path).filter(Number.class::isInstance).map(n -> ((Number) n).intValue());
    }

    static boolean isTrue(GenericKubernetesResource resource, String... path) {
        return at(resource, path)
                .map(v -> Boolean.TRUE.equals(v) || "true".equals(v))
                .orElse(false);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(GenericKubernetesResource resource, String... path) {
        return at(resource, path)
                .filter(List.class::isInstance)
                .map(l -> (List<Map<String, Object>>) l)
                .orElse(List.of());
    }
}
