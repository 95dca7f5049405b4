package dev.hearth.catalog.instance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.upstream.FluxReady;
import dev.hearth.core.upstream.GenericFields;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Mirrors a HelmRelease's state onto the instance it belongs to, and the state of the HelmReleases its chart rendered
 * (an upstream chart wrapped by Hearth's, see {@link NestedReleases}): the instance is Ready only when all are.
 */
public final class InstanceStatusFrom {
    /** The reason of an instance whose own release is installed while a release its chart rendered is not Ready. */
    public static final String NESTED_NOT_READY = "NestedReleaseNotReady";
    /** Flux's word for an attempt that follows a failed one. */
    public static final String RETRYING = "ProgressingWithRetry";

    private final ReadyCondition conditions;

    public InstanceStatusFrom(ReadyCondition conditions) {
        this.conditions = conditions;
    }

    /** {@link #update(GenericKubernetesResource, InstanceStatus, GenericKubernetesResource, List)} without nested releases. */
    public void update(
            GenericKubernetesResource instance, InstanceStatus status, GenericKubernetesResource helmRelease) {
        update(instance, status, helmRelease, List.of());
    }

    /**
     * Updates {@code status} of {@code instance} from {@code helmRelease}, which may be null while it does not exist
     * yet, and from {@code nested}, the HelmReleases Helm installed as part of it. A Ready condition counts only once
     * Flux has observed its release's current generation.
     */
    public void update(
            GenericKubernetesResource instance,
            InstanceStatus status,
            GenericKubernetesResource helmRelease,
            List<? extends GenericKubernetesResource> nested) {
        if (helmRelease == null) {
            conditions.unknown(instance, status, "Reconciling", "Creating its HelmRelease");
            return;
        }
        String name = helmRelease.getMetadata().getName();
        GenericFields.string(helmRelease, "status", "lastAttemptedRevision").ifPresent(v -> status.version = v);
        FluxReady ready = FluxReady.of(helmRelease);
        switch (ready.state()) {
            case NOT_RECONCILED ->
                conditions.unknown(
                        instance, status, "Reconciling", "Waiting for Flux to reconcile HelmRelease " + name);
            case OUTDATED ->
                conditions.unknown(
                        instance,
                        status,
                        "Progressing",
                        "Flux has not yet reconciled the latest change of HelmRelease " + name);
            case REPORTED -> {
                if (ready.isTrue() && !nested.isEmpty() && nestedNotReady(instance, status, name, nested)) {
                    return;
                }
                Optional<String> failed =
                        ready.isTrue() || ready.isFalse() ? Optional.empty() : previousFailure(helmRelease);
                if (failed.isPresent()) {
                    conditions.unknown(instance, status, RETRYING, ready.message() + "; " + failed.get());
                    return;
                }
                conditions.set(instance, status, ReadyCondition.TYPE, ready.status(), ready.reason(), ready.message());
            }
        }
    }

    /**
     * Why the attempt before the one running failed, while Flux tries again (after Helm's timeout it goes straight on
     * to an upgrade, and its Ready says only that one runs): its {@code Released} condition keeps the failure.
     */
    private static Optional<String> previousFailure(GenericKubernetesResource helmRelease) {
        return GenericFields.list(helmRelease, "status", "conditions").stream()
                .filter(c -> "Released".equals(c.get("type")) && "False".equals(c.get("status")))
                .findFirst()
                .map(released -> {
                    String message = Objects.toString(released.get("message"), "");
                    int failures = GenericFields.integer(helmRelease, "status", "failures")
                            .orElse(1);
                    return "the previous attempt failed (" + released.get("reason") + ", " + failures + " failure"
                            + (failures == 1 ? "" : "s") + " so far): " + message
                            + (message.endsWith("context deadline exceeded")
                                    ? " (Helm's timeout: the release's resources did not become ready in time)"
                                    : "");
                });
    }

    /**
     * Sets the instance's Ready from the nested releases that are not Ready, naming each with Flux's own reason and
     * message; false when every nested release is Ready.
     */
    private boolean nestedNotReady(
            GenericKubernetesResource instance,
            InstanceStatus status,
            String outer,
            List<? extends GenericKubernetesResource> nested) {
        List<String> waiting = new ArrayList<>();
        boolean failed = false;
        for (GenericKubernetesResource release : nested.stream()
                .sorted(Comparator.comparing(r -> r.getMetadata().getName()))
                .toList()) {
            FluxReady ready = FluxReady.of(release);
            if (ready.isTrue()) {
                continue;
            }
            failed |= ready.isFalse();
            waiting.add("HelmRelease " + release.getMetadata().getName() + " " + ready.describe());
        }
        if (waiting.isEmpty()) {
            return false;
        }
        String message = "HelmRelease " + outer + " is installed; the release" + (waiting.size() == 1 ? "" : "s")
                + " its chart rendered " + (waiting.size() == 1 ? "is" : "are") + " not Ready: "
                + String.join("; ", waiting);
        conditions.set(
                instance,
                status,
                ReadyCondition.TYPE,
                failed ? ReadyCondition.FALSE : ReadyCondition.UNKNOWN,
                NESTED_NOT_READY,
                message);
        return true;
    }
}
