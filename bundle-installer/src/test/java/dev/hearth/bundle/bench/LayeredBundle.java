package dev.hearth.bundle.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the benchmarks' generated 80-component bundle: four layers of 20 components, each component (but those
 * of the first layer) depending on three of the layer below, 180 dependencies in all.
 */
final class LayeredBundle {
    static final List<String> LAYERS = List.of("system", "iaas", "paas", "naas");
    static final int PER_LAYER = 20;

    private LayeredBundle() {}

    static String name(int layer, int i) {
        return "c-" + layer + "-" + i;
    }

    static List<String> dependsOn(int layer, int i) {
        List<String> dependsOn = new ArrayList<>();
        for (int d = 0; layer > 0 && d < 3; d++) {
            String dependency = name(layer - 1, (i * 7 + d * 3) % PER_LAYER);
            if (!dependsOn.contains(dependency)) {
                dependsOn.add(dependency);
            }
        }
        return dependsOn;
    }
}
