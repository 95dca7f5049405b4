package dev.hearth.bundle.plan;

import java.util.List;

import dev.hearth.core.ContentHash;

/**
 * What an apply would do, in order: creations and changes in dependency order, then deletions in reverse. The hash
 * identifies the plan for a {@code Manual} approval: the same bundle against the same cluster gives the same hash.
 */
public record Plan(String bundle, String version, String variant, List<PlanStep> steps) {
    private static final int HASH_DIGITS = 16;

    public boolean changes() {
        return steps.stream().anyMatch(PlanStep::changes);
    }

    public String hash() {
        return ContentHash.of(this, HASH_DIGITS);
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
