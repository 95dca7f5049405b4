package dev.hearth.bundle.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.Component;

/**
 * Compares what a variant of a bundle wants (with the administrator's per-component enabled and values) with what is
 * installed, and says what an apply would do. Pure: the installed state is read elsewhere.
 */
public final class Planner {
    private Planner() {}

    /**
     * @param enabled components switched on or off by the administrator (optional ones are off unless named here)
     * @param overrides values merged over the bundle's, per component
     * @param installed what runs now, by component name
     * @param ready components whose release is Ready: a creation waiting for others names them in {@code after}
     */
    public static Plan plan(
            Bundle bundle,
            String variant,
            Map<String, Boolean> enabled,
            Map<String, JsonNode> overrides,
            Map<String, Installed> installed,
            Set<String> ready) {
        Bundle wanted = bundle.forVariant(variant);
        List<PlanStep> steps = new ArrayList<>();
        Set<String> kept = new TreeSet<>();
        Map<String, List<Object>> target = new java.util.TreeMap<>();
        for (Component c : DependencyOrder.of(wanted)) {
            if (!enabled.getOrDefault(c.name(), !c.optional())) {
                continue;
            }
            kept.add(c.name());
            JsonNode values = WantedValues.of(c, overrides.get(c.name()));
            target.put(c.name(), List.of(c.chart().version(), values));
            Installed now = installed.get(c.name());
            List<String> after = c.dependsOn().stream()
                    .filter(d -> !ready.contains(d))
                    .sorted()
                    .toList();
            if (now == null) {
                steps.add(new PlanStep(
                        PlanStep.Action.CREATE, c.name(), null, c.chart().version(), List.of(), after));
                continue;
            }
            List<String> diff = ValuesDiff.between(now.values(), values);
            if (!now.chartVersion().equals(c.chart().version())) {
                steps.add(new PlanStep(
                        PlanStep.Action.UPGRADE,
                        c.name(),
                        now.chartVersion(),
                        c.chart().version(),
                        diff,
                        after));
            } else if (!diff.isEmpty()) {
                steps.add(new PlanStep(
                        PlanStep.Action.RECONFIGURE,
                        c.name(),
                        now.chartVersion(),
                        c.chart().version(),
                        diff,
                        after));
            } else {
                steps.add(new PlanStep(
                        PlanStep.Action.UNCHANGED,
                        c.name(),
                        now.chartVersion(),
                        c.chart().version(),
                        List.of(),
                        List.of()));
            }
        }
        steps.addAll(deletions(bundle, installed, kept));
        return new Plan(
                bundle.name(),
                bundle.version(),
                variant,
                steps,
                Plan.hashOf(bundle.name(), bundle.version(), variant, target));
    }

    /** What is installed but no longer wanted, dependents first (reverse install order of the full bundle). */
    private static List<PlanStep> deletions(Bundle bundle, Map<String, Installed> installed, Set<String> kept) {
        List<String> order = new ArrayList<>(
                DependencyOrder.of(bundle).stream().map(Component::name).toList());
        // components no longer in the bundle at all go first, by name
        List<String> gone = new ArrayList<>(new TreeSet<>(installed.keySet()));
        gone.removeAll(order);
        List<String> reverse = new ArrayList<>(order);
        java.util.Collections.reverse(reverse);
        List<PlanStep> steps = new ArrayList<>();
        for (String name : concat(gone, reverse)) {
            if (installed.containsKey(name) && !kept.contains(name)) {
                steps.add(new PlanStep(
                        PlanStep.Action.DELETE, name, installed.get(name).chartVersion(), null, List.of(), List.of()));
            }
        }
        return steps;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
