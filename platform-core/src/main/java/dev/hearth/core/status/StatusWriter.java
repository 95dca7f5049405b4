package dev.hearth.core.status;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.core.api.HearthStatus;
import dev.hearth.core.kube.ServerSideApply;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;

/**
 * The one way a service writes a status: server-side apply of the status subresource under the service's field manager,
 * and only when the status changed, so that a reconcile with nothing to change writes nothing. The applied object holds
 * the status alone, so fields no longer reported disappear and no default of a freshly built spec reaches the server.
 *
 * <p>Take a {@link #snapshot} of the status before changing it, then call {@code writeIfChanged}.
 */
@Singleton
public class StatusWriter {
    public static final String RECONCILE_FAILED = "ReconcileFailed";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final ServerSideApply apply;

    public StatusWriter(ServerSideApply apply) {
        this.apply = apply;
    }

    /**
     * The status as it is now, to compare with after a change. Through its JSON text, so that a status read from the
     * server (a map of Integers) equals the same status built here (a Long {@code observedGeneration}): converted
     * directly, they become an IntNode and a LongNode, which are never equal, and every comparison said "changed".
     */
    public static JsonNode snapshot(Object status) {
        return status == null ? null : JSON.unmarshal(JSON.asJson(status), JsonNode.class);
    }

    /**
     * For the Operator SDK's reconcilers: applies the primary's status through the SDK (under the controller's field
     * manager, which {@link dev.hearth.core.operator.ServiceReconciler} sets to the service's), so that the SDK's cache
     * holds the written status at once.
     *
     * @return whether it wrote
     */
    public <P extends CustomResource<?, S>, S> boolean writeIfChanged(Context<P> context, P resource, JsonNode before) {
        if (Objects.equals(before, snapshot(resource.getStatus()))) {
            return false;
        }
        context.resourceOperations().serverSideApplyPrimaryStatus(statusOnly(resource));
        return true;
    }

    /**
     * For an SDK reconciler's {@code updateErrorStatus}: reports the failure as {@code Ready=False}, reason
     * {@value #RECONCILE_FAILED}, with the failure's message after {@code messagePrefix}, and leaves the retry to the SDK.
     *
     * @param statusOf the resource's status, created and set on the resource when it has none yet
     */
    public <P extends CustomResource<?, S>, S> ErrorStatusUpdateControl<P> reconcileFailed(
            Context<P> context,
            P resource,
            ReadyCondition ready,
            Function<P, ? extends HearthStatus> statusOf,
            String messagePrefix,
            Exception e) {
        JsonNode before = snapshot(resource.getStatus());
        ready.notReady(resource, statusOf.apply(resource), RECONCILE_FAILED, messagePrefix + Failures.message(e));
        writeIfChanged(context, resource, before);
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /** For a typed resource outside an SDK reconcile (e.g. from a cleanup that keeps its finalizer). */
    public <P extends CustomResource<?, S>, S> boolean writeIfChanged(P resource, JsonNode before) {
        if (Objects.equals(before, snapshot(resource.getStatus()))) {
            return false;
        }
        apply.client().resource(statusOnly(resource)).subresource("status").patch(forcedApply());
        return true;
    }

    /** For a kind without a Java class (a catalog kind), whose status is a map. */
    public boolean writeIfChanged(
            ResourceDefinitionContext kind, GenericKubernetesResource resource, Map<String, Object> status) {
        Object current = resource.getAdditionalProperties().get("status");
        if (Objects.equals(snapshot(current), snapshot(status))) {
            return false;
        }
        // handed as the item: a patch given as a string makes fabric8 GET the object first (one more request per write)
        GenericKubernetesResource patch = new GenericKubernetesResource();
        patch.setApiVersion(resource.getApiVersion());
        patch.setKind(resource.getKind());
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(resource.getMetadata().getName())
                .withNamespace(resource.getMetadata().getNamespace())
                .build());
        patch.setAdditionalProperty("status", status);
        apply.client()
                .genericKubernetesResources(kind)
                .resource(patch)
                .subresource("status")
                .patch(forcedApply());
        return true;
    }

    /** A new object of the resource's class with its name, namespace and status, and no spec. */
    @SuppressWarnings("unchecked")
    private static <P extends CustomResource<?, S>, S> P statusOnly(P resource) {
        P patch;
        try {
            patch = (P) resource.getClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(resource.getClass() + " has no public no-argument constructor", e);
        }
        patch.getMetadata().setName(resource.getMetadata().getName());
        patch.getMetadata().setNamespace(resource.getMetadata().getNamespace());
        patch.setSpec(null);
        patch.setStatus(resource.getStatus());
        return patch;
    }

    private PatchContext forcedApply() {
        return new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager(apply.fieldManager())
                .withForce(true)
                .build();
    }
}
