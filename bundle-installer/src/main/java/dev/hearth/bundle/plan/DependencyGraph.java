package dev.hearth.bundle.plan;

import java.util.TreeMap;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.Component;

/** The bundle's dependencies in Graphviz DOT, one cluster per layer, optional components dashed. */
public final class DependencyGraph {
    private DependencyGraph() {}

    public static String dot(Bundle bundle) {
        StringBuilder dot = new StringBuilder("digraph \"" + bundle.name() + " " + bundle.version() + "\" {\n");
        dot.append("  rankdir=BT;\n  node [shape=box];\n");
        TreeMap<String, StringBuilder> layers = new TreeMap<>();
        for (Component c : DependencyOrder.of(bundle)) {
            layers.computeIfAbsent(c.layer() == null ? "none" : c.layer(), k -> new StringBuilder())
                    .append("    \"")
                    .append(c.name())
                    .append('"')
                    .append(c.optional() ? " [style=dashed]" : "")
                    .append(";\n");
        }
        layers.forEach((layer, nodes) -> dot.append("  subgraph \"cluster_")
                .append(layer)
                .append("\" {\n    label=\"")
                .append(layer)
                .append("\";\n")
                .append(nodes)
                .append("  }\n"));
        for (Component c : DependencyOrder.of(bundle)) {
            for (String dependency : c.dependsOn()) {
                dot.append("  \"")
                        .append(c.name())
                        .append("\" -> \"")
                        .append(dependency)
                        .append("\";\n");
            }
        }
        return dot.append("}\n").toString();
    }
}
