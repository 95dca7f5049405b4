package dev.hearth.core.upstream;

import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * What Flux says in the Ready condition of one of its objects (a HelmRelease, a HelmRepository), counted only once Flux
 * has observed the object's current generation: an older condition describes a spec that is gone.
 *
 * @param state whether Flux has reported on the current generation
 * @param status the condition's status ({@code True}, {@code False}, {@code Unknown}); {@code Unknown} unless reported
 * @param reason Flux's reason, e.g. {@code InstallSucceeded}; empty unless reported
 * @param message Flux's message, quoted as is; empty unless reported
 */
public record FluxReady(State state, String status, String reason, String message) {
    public enum State {
        /** Flux has written no Ready condition yet. */
        NOT_RECONCILED,
        /** The Ready condition is of an older generation: Flux has not yet acted on the latest change. */
        OUTDATED,
        /** The Ready condition is Flux's word on the current generation. */
        REPORTED
    }

    private static final String READY = "Ready";
    private static final String UNKNOWN = "Unknown";

    public static FluxReady of(GenericKubernetesResource object) {
        if (GenericFields.map(object, "status").isEmpty()) {
            return new FluxReady(State.NOT_RECONCILED, UNKNOWN, "", "");
        }
        Map<String, Object> ready = GenericFields.list(object, "status", "conditions").stream()
                .filter(c -> READY.equals(c.get("type")))
                .findFirst()
                .orElse(null);
        // Flux stamps each condition with the generation it describes; a failed reconcile (e.g. a missing Secret)
        // leaves status.observedGeneration behind, so the condition's own is the better witness
        Object observed = ready != null && ready.get("observedGeneration") instanceof Number n
                ? n
                : GenericFields.at(object, "status", "observedGeneration").orElse(null);
        Long generation = object.getMetadata().getGeneration();
        if (!(observed instanceof Number number) || (generation != null && number.longValue() < generation)) {
            return new FluxReady(State.OUTDATED, UNKNOWN, "", "");
        }
        if (ready == null) {
            return new FluxReady(State.NOT_RECONCILED, UNKNOWN, "", "");
        }
        return new FluxReady(
                State.REPORTED,
                Objects.toString(ready.get("status"), UNKNOWN),
                Objects.toString(ready.get("reason"), UNKNOWN),
                Objects.toString(ready.get("message"), ""));
    }

    public boolean isTrue() {
        return state == State.REPORTED && "True".equals(status);
    }

    public boolean isFalse() {
        return state == State.REPORTED && "False".equals(status);
    }

    /**
     * What Flux says, to follow the object's kind and name in a message: "is not Ready (ArtifactFailed): ..." with
     * Flux's reason and message quoted.
     */
    public String describe() {
        return switch (state) {
            case NOT_RECONCILED -> "is not reconciled by Flux yet";
            case OUTDATED -> "has a change Flux has not reconciled yet";
            case REPORTED -> (isTrue() ? "is Ready (" : "is not Ready (") + reason + "): " + message;
        };
    }
}
