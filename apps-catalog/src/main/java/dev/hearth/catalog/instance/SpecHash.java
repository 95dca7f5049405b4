package dev.hearth.catalog.instance;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.hearth.core.Annotations;
import dev.hearth.core.ContentHash;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * A hash of what we want an object to be, kept in an annotation, so that a reconcile can tell without a write
 * whether the object already is what we want (the server's defaults make a direct comparison of specs useless).
 */
final class SpecHash {
    private SpecHash() {}

    static <T extends GenericKubernetesResource> T stamp(T desired) {
        Map<String, String> annotations = new TreeMap<>();
        if (desired.getMetadata().getAnnotations() != null) {
            annotations.putAll(desired.getMetadata().getAnnotations());
        }
        annotations.put(Annotations.SPEC_HASH, of(desired));
        desired.getMetadata().setAnnotations(annotations);
        return desired;
    }

    static boolean matches(GenericKubernetesResource current, GenericKubernetesResource desired) {
        var annotations = current.getMetadata().getAnnotations();
        return annotations != null
                && Objects.equals(
                        annotations.get(Annotations.SPEC_HASH),
                        desired.getMetadata().getAnnotations().get(Annotations.SPEC_HASH));
    }

    private static String of(GenericKubernetesResource desired) {
        return ContentHash.of(
                Map.of(
                        "labels", desired.getMetadata().getLabels(),
                        "owners", desired.getMetadata().getOwnerReferences(),
                        "spec", desired.getAdditionalProperties().get("spec")),
                16);
    }
}
