package dev.hearth.bundle.plan;

import java.util.List;

/**
 * One change of a plan. {@code from}/{@code to} are chart versions; {@code valuesDiff} lists changed values as
 * {@code path: old -> new}, secret-looking ones masked; {@code after} names the components this step waits for
 * (their CRDs or namespaces may not exist yet).
 */
public record PlanStep(
        Action action, String component, String from, String to, List<String> valuesDiff, List<String> after) {

    public enum Action {
        CREATE,
        UPGRADE,
        RECONFIGURE,
        DELETE,
        UNCHANGED
    }

    public boolean changes() {
        return action != Action.UNCHANGED;
    }

    @Override
    public String toString() {
        String versions = switch (action) {
            case CREATE -> " " + to;
            case UPGRADE -> " " + from + " -> " + to;
            case DELETE -> " " + from;
            default -> " " + to;
        };
        String wait = after.isEmpty() ? "" : " (after " + String.join(", ", after) + ")";
        String diff = valuesDiff.isEmpty() ? "" : "\n      " + String.join("\n      ", valuesDiff);
        return action.name().toLowerCase(java.util.Locale.ROOT) + " " + component + versions + wait + diff;
    }
}
