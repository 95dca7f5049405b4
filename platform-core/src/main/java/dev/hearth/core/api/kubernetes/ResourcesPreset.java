package dev.hearth.core.api.kubernetes;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Sizing presets of control-plane components; explicit {@code resources} override them. */
public enum ResourcesPreset {
    @JsonProperty("nano")
    NANO("100m", "128Mi"),
    @JsonProperty("micro")
    MICRO("250m", "256Mi"),
    @JsonProperty("small")
    SMALL("500m", "512Mi"),
    @JsonProperty("medium")
    MEDIUM("500m", "1Gi"),
    @JsonProperty("large")
    LARGE("1", "2Gi"),
    @JsonProperty("xlarge")
    XLARGE("2", "4Gi"),
    @JsonProperty("2xlarge")
    XXLARGE("4", "8Gi");

    private final String cpu;
    private final String memory;

    ResourcesPreset(String cpu, String memory) {
        this.cpu = cpu;
        this.memory = memory;
    }

    public String cpu() {
        return cpu;
    }

    public String memory() {
        return memory;
    }
}
