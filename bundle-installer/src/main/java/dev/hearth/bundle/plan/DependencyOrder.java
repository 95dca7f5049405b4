package dev.hearth.bundle.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.Component;

/**
 * The components in the order they install: each after everything it depends on, ties by name so the order (and so
 * every plan and its hash) is the same on every run. Deletion runs it backwards.
 */
public final class DependencyOrder {
    private DependencyOrder() {}

    /** Install order; the bundle must have no cycle and no missing dependency (see BundleValidation). */
    public static List<Component> of(Bundle bundle) {
        Map<String, Component> byName = new HashMap<>();
        bundle.components().forEach(c -> byName.put(c.name(), c));
        Map<String, Integer> waitingOn = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (Component c : bundle.components()) {
            List<String> known =
                    c.dependsOn().stream().filter(byName::containsKey).toList();
            waitingOn.put(c.name(), known.size());
            known.forEach(
                    d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(c.name()));
        }
        TreeSet<String> ready = new TreeSet<>(Comparator.naturalOrder());
        waitingOn.forEach((name, count) -> {
            if (count == 0) {
                ready.add(name);
            }
        });
        List<Component> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String next = ready.pollFirst();
            order.add(byName.get(next));
            for (String dependent : dependents.getOrDefault(next, List.of())) {
                if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() != byName.size()) {
            throw new IllegalArgumentException(
                    "Dependency cycle: " + cycle(bundle).orElse(List.of()));
        }
        return order;
    }

    /** A dependency cycle, as the names along it with the first repeated at the end, if the bundle has one. */
    public static Optional<List<String>> cycle(Bundle bundle) {
        Map<String, Component> byName = new HashMap<>();
        bundle.components().forEach(c -> byName.put(c.name(), c));
        Map<String, Boolean> done = new HashMap<>();
        for (Component c : bundle.components().stream()
                .sorted(Comparator.comparing(Component::name))
                .toList()) {
            Optional<List<String>> found = visit(c.name(), byName, done, new LinkedHashSet<>());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(
            String name, Map<String, Component> byName, Map<String, Boolean> done, LinkedHashSet<String> path) {
        if (path.contains(name)) {
            List<String> onPath = new ArrayList<>(path);
            List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(name), onPath.size()));
            cycle.add(name);
            return Optional.of(cycle);
        }
        if (done.containsKey(name) || !byName.containsKey(name)) {
            return Optional.empty();
        }
        path.add(name);
        for (String dependency : byName.get(name).dependsOn().stream().sorted().toList()) {
            Optional<List<String>> found = visit(dependency, byName, done, path);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(name);
        done.put(name, true);
        return Optional.empty();
    }
}
