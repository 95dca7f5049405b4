package dev.hearth.core.status;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.hearth.core.api.HearthStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Writes conditions the way Kubernetes expects: every condition carries the generation it describes, and
 * {@code lastTransitionTime} moves only when the condition's status changes.
 */
public final class ReadyCondition {
    public static final String TYPE = "Ready";
    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    private final Clock clock;

    public ReadyCondition(Clock clock) {
        this.clock = clock;
    }

    public static ReadyCondition systemClock() {
        return new ReadyCondition(Clock.systemUTC());
    }

    /** Marks {@code resource} Ready=True. */
    public void ready(HasMetadata resource, HearthStatus status, String reason, String message) {
        set(resource, status, TYPE, TRUE, reason, message);
    }

    /** Marks {@code resource} Ready=False with a CamelCase reason and a message that says what to fix or wait for. */
    public void notReady(HasMetadata resource, HearthStatus status, String reason, String message) {
        set(resource, status, TYPE, FALSE, reason, message);
    }

    /** Marks {@code resource} Ready=Unknown, e.g. while a dependency reports nothing yet. */
    public void unknown(HasMetadata resource, HearthStatus status, String reason, String message) {
        set(resource, status, TYPE, UNKNOWN, reason, message);
    }

    /** Sets condition {@code type}, keeping its transition time when the status stays the same. */
    public void set(
            HasMetadata resource,
            HearthStatus status,
            String type,
            String conditionStatus,
            String reason,
            String message) {
        Long generation = resource.getMetadata().getGeneration();
        Optional<Condition> previous = find(status.conditions, type);
        String transitionTime = previous.filter(
                        c -> Objects.equals(c.getStatus(), conditionStatus) && c.getLastTransitionTime() != null)
                .map(Condition::getLastTransitionTime)
                .orElseGet(this::now);
        Condition condition = new ConditionBuilder()
                .withType(type)
                .withStatus(conditionStatus)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(transitionTime)
                .build();
        status.conditions.removeIf(c -> type.equals(c.getType()));
        status.conditions.add(condition);
        status.conditions.sort((a, b) -> TYPE.equals(a.getType())
                ? -1
                : TYPE.equals(b.getType()) ? 1 : a.getType().compareTo(b.getType()));
        status.observedGeneration = generation;
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions == null
                ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** Whether {@code status} says Ready=True for the generation it observed. */
    public static boolean isReady(HearthStatus status) {
        return status != null
                && find(status.conditions, TYPE)
                        .map(c -> TRUE.equals(c.getStatus()))
                        .orElse(false);
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
