package dev.hearth.core.upstream;

import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Objects of the upstream projects Hearth builds on ({@link Flux}, {@link ClusterApi}, {@link Kamaji},
 * {@link KubeVirt}, {@link Cdi}). fabric8 has no typed model for them: each kind is a class that only names its group,
 * version and kind, so that clients and informers need no API discovery (which fails, and would stop a service, while
 * the API server is unreachable), and its content stays a generic map read with {@link GenericFields}.
 */
public final class Upstream {
    private Upstream() {}

    public static String apiVersion(Class<? extends HasMetadata> kind) {
        return HasMetadata.getApiVersion(kind);
    }

    public static String kind(Class<? extends HasMetadata> kind) {
        return HasMetadata.getKind(kind);
    }

    /** A new object of {@code kind} with {@code metadata} and {@code spec}. */
    public static <T extends GenericKubernetesResource> T object(
            Class<T> kind, ObjectMeta metadata, Map<String, Object> spec) {
        T object;
        try {
            object = kind.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(kind + " has no public no-argument constructor", e);
        }
        object.setApiVersion(apiVersion(kind));
        object.setKind(kind(kind));
        object.setMetadata(metadata);
        object.setAdditionalProperty("spec", spec);
        return object;
    }
}
