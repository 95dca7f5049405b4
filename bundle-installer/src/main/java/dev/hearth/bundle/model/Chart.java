package dev.hearth.bundle.model;

/**
 * Where a component's chart comes from: a Helm repository ({@code https://...}) or an OCI registry
 * ({@code oci://...}), the chart's name there and its exact version.
 */
public record Chart(String repository, String name, String version) {

    public boolean oci() {
        return repository != null && repository.startsWith("oci://");
    }
}
