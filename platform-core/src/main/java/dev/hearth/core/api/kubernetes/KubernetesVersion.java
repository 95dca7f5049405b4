package dev.hearth.core.api.kubernetes;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The supported Kubernetes minors of tenant clusters and the patch release each one runs: the one versioned
 * table. The CRD's enum of {@code spec.version} is generated from it.
 */
public enum KubernetesVersion {
    @JsonProperty("v1.35")
    V1_35("v1.35", "v1.35.6"),
    @JsonProperty("v1.34")
    V1_34("v1.34", "v1.34.9"),
    @JsonProperty("v1.33")
    V1_33("v1.33", "v1.33.13"),
    @JsonProperty("v1.32")
    V1_32("v1.32", "v1.32.13"),
    @JsonProperty("v1.31")
    V1_31("v1.31", "v1.31.14");

    public static final String DEFAULT = "v1.35";

    private final String minor;
    private final String release;

    KubernetesVersion(String minor, String release) {
        this.minor = minor;
        this.release = release;
    }

    @JsonValue
    public String minor() {
        return minor;
    }

    /** The exact release the control plane and the nodes run, e.g. {@code v1.35.6}. */
    public String release() {
        return release;
    }

    public static Optional<KubernetesVersion> ofMinor(String minor) {
        return Arrays.stream(values()).filter(v -> v.minor.equals(minor)).findFirst();
    }
}
