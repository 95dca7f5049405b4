package dev.hearth.catalog.instance;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.hearth.core.status.ReadyCondition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** Mirrors a HelmRelease's state onto the instance it belongs to. */
public final class InstanceStatusFrom {
    private final ReadyCondition conditions;

    public InstanceStatusFrom(ReadyCondition conditions) {
        this.conditions = conditions;
    }

    /**
     * Updates {@code status} of {@code instance} from {@code helmRelease}, which may be null while it does not exist
     * yet. The HelmRelease's Ready condition counts only once Flux has observed its current generation.
     */
    @SuppressWarnings("unchecked")
    public void update(
            GenericKubernetesResource instance, InstanceStatus status, GenericKubernetesResource helmRelease) {
        if (helmRelease == null) {
            conditions.unknown(instance, status, "Reconciling", "Creating its HelmRelease");
            return;
        }
        String name = helmRelease.getMetadata().getName();
        Map<String, Object> hrStatus =
                (Map<String, Object>) helmRelease.getAdditionalProperties().get("status");
        if (hrStatus == null) {
            conditions.unknown(instance, status, "Reconciling", "Waiting for Flux to reconcile HelmRelease " + name);
            return;
        }
        if (hrStatus.get("lastAttemptedRevision") != null) {
            status.version = String.valueOf(hrStatus.get("lastAttemptedRevision"));
        }
        Number observed = (Number) hrStatus.get("observedGeneration");
        Long generation = helmRelease.getMetadata().getGeneration();
        if (observed == null || (generation != null && observed.longValue() < generation)) {
            conditions.unknown(
                    instance,
                    status,
                    "Progressing",
                    "Flux has not yet reconciled the latest change of HelmRelease " + name);
            return;
        }
        Map<String, Object> ready = ((List<Map<String, Object>>) hrStatus.getOrDefault("conditions", List.of()))
                .stream().filter(c -> "Ready".equals(c.get("type"))).findFirst().orElse(null);
        if (ready == null) {
            conditions.unknown(instance, status, "Reconciling", "Waiting for Flux to reconcile HelmRelease " + name);
            return;
        }
        String reason = Objects.toString(ready.get("reason"), "Unknown");
        String message = Objects.toString(ready.get("message"), "");
        conditions.set(
                instance,
                status,
                ReadyCondition.TYPE,
                Objects.toString(ready.get("status"), ReadyCondition.UNKNOWN),
                reason,
                message);
    }
}
