package dev.hearth.bundle.plan;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.core.ContentHash;

/**
 * What an apply would do, in order: creations and changes in dependency order, then deletions in reverse. The hash
 * identifies what the plan leads to (bundle, variant, each enabled component's chart version and values), for a
 * {@code Manual} approval: it stays the same while the rollout advances, and changes with anything that changes the
 * result.
 */
public record Plan(String bundle, String version, String variant, List<PlanStep> steps, String hash) {
    private static final int HASH_DIGITS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The hash of a target state: {@code component -> [chart version, values]}. The values become plain maps first:
     * ContentHash sorts map keys, but a JSON tree keeps the order its document had, and values written in another
     * order are the same values.
     */
    static String hashOf(String bundle, String version, String variant, Object target) {
        return ContentHash.of(
                java.util.List.of(bundle, version, variant, JSON.convertValue(target, Object.class)), HASH_DIGITS);
    }

    public boolean changes() {
        return steps.stream().anyMatch(PlanStep::changes);
    }

    /** The plan as {@code plan} prints it. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("bundle ")
                .append(bundle)
                .append(' ')
                .append(version)
                .append(" (")
                .append(variant)
                .append(")\n");
        for (PlanStep step : steps) {
            if (step.changes()) {
                out.append("  ").append(step).append('\n');
            }
        }
        long unchanged = steps.stream().filter(s -> !s.changes()).count();
        out.append(changes() ? "" : "  no change\n");
        out.append("  ")
                .append(unchanged)
                .append(" unchanged; plan ")
                .append(hash())
                .append('\n');
        return out.toString();
    }
}
