package dev.hearth.bundle.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.Chart;
import dev.hearth.bundle.model.Component;
import dev.hearth.bundle.plan.Installed;
import dev.hearth.bundle.plan.Plan;
import dev.hearth.bundle.plan.Planner;
import dev.hearth.bundle.render.BundleObjectsFor;
import dev.hearth.bundle.validation.BundleValidation;
import dev.hearth.bundle.validation.Environment;

/**
 * An 80-component bundle ({@link LayeredBundle}, 20 chart repositories, values of 50 keys each): validation + plan on a fresh cluster and against an installed one with one
 * upgrade, the objects a first apply writes per component, and the heap used. Prints figures (target: validation +
 * plan under 1 s); asserts nothing. {@code scripts/benchmark.sh bundle-installer}.
 */
public final class BundlePlanBenchmark {
    private static final int RUNS = 20;

    public static void main(String[] args) {
        Bundle bundle = bundle();
        Environment cluster = new Environment("1.35", "0.1.0");
        Map<String, Installed> installed = new HashMap<>();
        for (Component c : bundle.components()) {
            installed.put(c.name(), new Installed(c.name(), c.chart().version(), c.values()));
        }
        installed.put(
                "c-0-0",
                new Installed("c-0-0", "0.9.0", bundle.components().get(0).values()));

        List<Double> fresh = new ArrayList<>();
        List<Double> upgrade = new ArrayList<>();
        Plan last = null;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            if (!BundleValidation.problems(bundle, cluster).isEmpty()) {
                throw new IllegalStateException("the generated bundle is invalid");
            }
            Planner.plan(bundle, "generic", Map.of(), Map.of(), Map.of(), Set.of())
                    .hash();
            fresh.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            BundleValidation.problems(bundle, cluster);
            last = Planner.plan(bundle, "generic", Map.of(), Map.of(), installed, installed.keySet());
            last.hash();
            upgrade.add((System.nanoTime() - start) / 1e6);
        }
        int objects =
                BundleObjectsFor.desired(bundle, "generic", Map.of(), Map.of()).size();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf(
                "bundle: %d components, %d dependencies%n",
                bundle.components().size(),
                bundle.components().stream().mapToInt(c -> c.dependsOn().size()).sum());
        System.out.printf(
                "validation + plan, fresh cluster: first %.1f ms, median of %d %.1f ms (target < 1000 ms)%n",
                fresh.get(0), RUNS, median(fresh));
        System.out.printf(
                "validation + plan, installed with one upgrade: first %.1f ms, median %.1f ms; %d changing step(s)%n",
                upgrade.get(0),
                median(upgrade),
                last.steps().stream().filter(s -> s.changes()).count());
        System.out.printf(
                "first apply writes %d objects: %.2f per component (a HelmRelease each, a Namespace each, and %d"
                        + " shared sources)%n",
                objects, (double) objects / bundle.components().size(), 20);
        System.out.printf("heap used after planning: %d MiB%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    private static Bundle bundle() {
        List<Component> components = new ArrayList<>();
        for (int layer = 0; layer < LayeredBundle.LAYERS.size(); layer++) {
            for (int i = 0; i < LayeredBundle.PER_LAYER; i++) {
                List<String> dependsOn = LayeredBundle.dependsOn(layer, i);
                ObjectNode values = JsonNodeFactory.instance.objectNode();
                for (int k = 0; k < 50; k++) {
                    values.with("section" + (k % 5)).put("key" + k, "value-" + k);
                }
                String name = LayeredBundle.name(layer, i);
                components.add(new Component(
                        name,
                        LayeredBundle.LAYERS.get(layer),
                        new Chart("https://charts" + (i % 20) + ".example.org", name, "1.0.0"),
                        "ns-" + name,
                        values,
                        dependsOn,
                        false,
                        false,
                        false,
                        "crd:things" + i + ".example.org",
                        List.of(),
                        null,
                        null));
            }
        }
        return new Bundle("eighty", "1.0.0", List.of("generic"), new Bundle.Requirements("1.31", "0.1.0"), components);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
