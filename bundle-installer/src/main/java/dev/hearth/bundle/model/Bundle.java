package dev.hearth.bundle.model;

import java.util.List;
import java.util.Optional;

/**
 * A tested, versioned set of components installed together. {@code variants} names the installations it supports
 * (e.g. bare-metal, generic, hosted); {@code requires} the Kubernetes minor versions and Hearth version it was tested
 * with.
 */
public record Bundle(
        String name, String version, List<String> variants, Requirements requires, List<Component> components) {

    public Bundle {
        variants = variants == null ? List.of() : List.copyOf(variants);
        requires = requires == null ? new Requirements(null, null) : requires;
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** The components a variant installs (the variants it declares stay, for validation). */
    public Bundle forVariant(String variant) {
        return new Bundle(
                name,
                version,
                variants,
                requires,
                components.stream().filter(c -> c.inVariant(variant)).toList());
    }

    public Optional<Component> component(String componentName) {
        return components.stream().filter(c -> c.name().equals(componentName)).findFirst();
    }

    /** Kubernetes minor versions ({@code "1.33"}) from {@code kubernetesMin} up, and the Hearth version. */
    public record Requirements(String kubernetesMin, String hearth) {}
}
