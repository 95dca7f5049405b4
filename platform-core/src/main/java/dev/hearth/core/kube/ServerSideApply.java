package dev.hearth.core.kube;

import java.net.HttpURLConnection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.hearth.core.Annotations;
import dev.hearth.core.ContentHash;
import dev.hearth.core.DesiredState;
import dev.hearth.core.Labels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The one way a service writes the objects it owns: server-side apply under its field manager {@code hearth-<service>}
 * (the service's {@code quarkus.application.name}), forced, so that a hand edit of a field the service sets is
 * overwritten rather than merged. Also deletes what the service no longer wants.
 */
@Singleton
public class ServerSideApply {
    private static final String UPDATE = "Update";
    private static final String APPLY = "Apply";

    private final KubernetesClient client;
    private final String fieldManager;

    @Inject
    public ServerSideApply(KubernetesClient client, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.client = client;
        this.fieldManager = Labels.managedBy(service);
    }

    /** For code outside CDI (benchmarks, tests) and for a reconciler's own client. */
    public static ServerSideApply of(KubernetesClient client, String service) {
        return new ServerSideApply(client, service);
    }

    /** {@code hearth-<service>}: the field manager of every write, and the value of the managed-by label. */
    public String fieldManager() {
        return fieldManager;
    }

    public KubernetesClient client() {
        return client;
    }

    public <T extends HasMetadata> T apply(T desired) {
        return client.resource(desired)
                .fieldManager(fieldManager)
                .forceConflicts()
                .serverSideApply();
    }

    /**
     * Applies {@code desired} unless {@code current} (as the caller last read or cached it) already is it, so that a
     * reconcile with nothing to change writes nothing. The desired object is applied with a hash of itself in the
     * {@value Annotations#SPEC_HASH} annotation: a field dropped from the desired object changes the hash (containment
     * alone cannot see it), and a hand edit of a field it sets fails {@link DesiredState#satisfiedBy}.
     *
     * @return the applied object, or {@code current} when it was left alone
     */
    public <T extends HasMetadata> T applyIfChanged(T desired, T current) {
        T stamped = client.getKubernetesSerialization().clone(desired);
        Map<String, String> annotations = new TreeMap<>();
        if (desired.getMetadata().getAnnotations() != null) {
            annotations.putAll(desired.getMetadata().getAnnotations());
        }
        annotations.put(Annotations.SPEC_HASH, ContentHash.of(desired, 16));
        stamped.getMetadata().setAnnotations(annotations);
        if (current != null
                && current.getMetadata().getAnnotations() != null
                && annotations
                        .get(Annotations.SPEC_HASH)
                        .equals(current.getMetadata().getAnnotations().get(Annotations.SPEC_HASH))
                && DesiredState.satisfiedBy(stamped, current)) {
            return current;
        }
        return apply(stamped);
    }

    /** Applies an object of a kind known only at run time (a catalog kind), without API discovery. */
    public GenericKubernetesResource apply(ResourceDefinitionContext kind, GenericKubernetesResource desired) {
        return client.genericKubernetesResources(kind)
                .inNamespace(desired.getMetadata().getNamespace())
                .resource(desired)
                .fieldManager(fieldManager)
                .forceConflicts()
                .serverSideApply();
    }

    public void applyAll(Collection<? extends HasMetadata> desired) {
        desired.forEach(this::apply);
    }

    /** Applies {@code desired} when present; otherwise makes sure {@code type/namespace/name} does not exist. */
    public <T extends HasMetadata> void applyOrDelete(
            Optional<? extends T> desired, Class<T> type, String namespace, String name) {
        if (desired.isPresent()) {
            apply(desired.get());
        } else {
            client.resources(type).inNamespace(namespace).withName(name).delete();
        }
    }

    /**
     * Deletes the objects of {@code type} in {@code namespace} that carry every label of {@code selector} and that
     * {@code keep} does not keep, and returns them.
     */
    public <T extends HasMetadata> List<T> prune(
            Class<T> type, String namespace, Map<String, String> selector, Predicate<? super T> keep) {
        List<T> unwanted = client.resources(type).inNamespace(namespace).withLabels(selector).list().getItems().stream()
                .filter(keep.negate())
                .toList();
        unwanted.forEach(this::delete);
        return unwanted;
    }

    /** Deletes an object the service no longer wants; an absent one is fine. */
    public void delete(HasMetadata unwanted) {
        client.resource(unwanted).delete();
    }

    /**
     * Creates {@code desired} with a plain create when the cache has not seen it ({@code cached == null}), otherwise
     * applies it. A busy API server creates an object in about half the time it applies one (docs/apps-catalog.md). A
     * create leaves its fields to the manager's {@code Update} entry, and an apply removes only fields its {@code Apply}
     * entry owns, so before the first apply the {@code Update} entry becomes the {@code Apply} entry, as when kubectl
     * moves an object to server-side apply; a value dropped from the desired object then leaves the live one. The
     * client's User-Agent must start with the field manager ({@link ServiceUserAgent}), which names the create's manager.
     */
    public <T extends HasMetadata> T createOrApply(T desired, T cached) {
        if (cached == null) {
            try {
                // the create's field manager comes from the User-Agent (ServiceUserAgent): fabric8 sets none on a
                // create
                return client.resource(desired).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
                // created meanwhile and not in the cache yet: applied below
            }
        }
        adoptCreatedFields(desired);
        return apply(desired);
    }

    private void adoptCreatedFields(HasMetadata desired) {
        HasMetadata live = client.resource(desired).get();
        if (live == null) {
            return;
        }
        List<ManagedFieldsEntry> entries = live.getMetadata().getManagedFields();
        for (int i = 0; i < entries.size(); i++) {
            ManagedFieldsEntry entry = entries.get(i);
            if (fieldManager.equals(entry.getManager())
                    && UPDATE.equals(entry.getOperation())
                    && entry.getSubresource() == null) {
                String patch = client.getKubernetesSerialization()
                        .asJson(List.of(
                                Map.of(
                                        "op",
                                        "test",
                                        "path",
                                        "/metadata/resourceVersion",
                                        "value",
                                        live.getMetadata().getResourceVersion()),
                                Map.of(
                                        "op",
                                        "replace",
                                        "path",
                                        "/metadata/managedFields/" + i + "/operation",
                                        "value",
                                        APPLY)));
                client.resource(live).patch(PatchContext.of(PatchType.JSON), patch);
                return;
            }
        }
    }
}
