package dev.hearth.vm;

import java.util.function.Consumer;

import dev.hearth.core.api.HearthStatus;
import dev.hearth.core.status.ReadyCondition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/** Updates a resource's status in place and patches it only when something changed. */
public final class StatusWriter {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    public static final ReadyCondition READY = ReadyCondition.systemClock();

    private StatusWriter() {}

    public static <P extends HasMetadata, S extends HearthStatus> UpdateControl<P> update(
            P resource, S status, Consumer<S> change) {
        String before = SERIALIZATION.asJson(status);
        change.accept(status);
        return before.equals(SERIALIZATION.asJson(status))
                ? UpdateControl.noUpdate()
                : UpdateControl.patchStatus(resource);
    }

    /** A failed reconcile (usually the API server refusing a derived object) as Ready=False; the SDK retries with back-off. */
    public static <P extends HasMetadata, S extends HearthStatus> ErrorStatusUpdateControl<P> failed(
            P resource, S status, Exception e) {
        String message = e instanceof KubernetesClientException k
                        && k.getStatus() != null
                        && k.getStatus().getMessage() != null
                ? k.getStatus().getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        READY.notReady(resource, status, "ReconcileFailed", message);
        return ErrorStatusUpdateControl.patchStatus(resource);
    }
}
