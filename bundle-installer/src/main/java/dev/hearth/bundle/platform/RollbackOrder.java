package dev.hearth.bundle.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hearth.bundle.model.Component;

/**
 * The order of going back to the last good revision: dependents first, each component only once everything depending
 * on it is back and ready, and CRDs never downgraded (a release going to another chart version skips the chart's CRDs,
 * and one that skips them keeps doing so). Pure: {@link PlatformRollout} writes, this says who goes and how.
 */
final class RollbackOrder {
    private RollbackOrder() {}

    /** What a component's release asks Helm for now. */
    record Release(String chartVersion, boolean keepsCrds) {}

    /** One component's turn in a pass: it goes back now (with or without the chart's CRDs), or waits. */
    record Step(Component component, List<String> waitingFor, boolean keepCrds) {
        boolean goes() {
            return waitingFor.isEmpty();
        }

        @Override
        public String toString() {
            return component.name()
                    + (goes()
                            ? ": back to " + component.chart().version()
                                    + (keepCrds ? ", CRDs kept" : ", CRDs replaced")
                            : ": waits for " + String.join(", ", waitingFor));
        }
    }

    /** Writes one component as the good revision has it; says whether it is now back and ready. */
    interface GoBack {
        boolean backAndReady(Step step);
    }

    /** One pass over {@code wanted} (the good revision's components, in dependency order), in reverse. */
    static List<Step> pass(List<Component> wanted, Map<String, Release> current, GoBack goBack) {
        List<Component> reverse = new ArrayList<>(wanted);
        Collections.reverse(reverse);
        Set<String> back = new HashSet<>();
        List<Step> steps = new ArrayList<>();
        for (Component c : reverse) {
            List<String> waitingFor = wanted.stream()
                    .filter(d -> d.dependsOn().contains(c.name()) && !back.contains(d.name()))
                    .map(Component::name)
                    .sorted()
                    .toList();
            Step step = new Step(c, waitingFor, waitingFor.isEmpty() && keepCrds(c, current.get(c.name())));
            if (step.goes() && goBack.backAndReady(step)) {
                back.add(c.name());
            }
            steps.add(step);
        }
        return steps;
    }

    /** Only a release that already runs the good version and replaces CRDs goes on replacing them. */
    private static boolean keepCrds(Component c, Release release) {
        return release == null || release.keepsCrds() || !c.chart().version().equals(release.chartVersion());
    }
}
