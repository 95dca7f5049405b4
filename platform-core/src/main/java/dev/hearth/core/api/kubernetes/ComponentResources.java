package dev.hearth.core.api.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComponentResources {
    @JsonPropertyDescription("Sizing preset; ignored when resources are given.")
    public ResourcesPreset resourcesPreset;

    @JsonPropertyDescription("Explicit CPU and memory; override the preset.")
    public Resources resources;

    public ComponentResources() {}

    public ComponentResources(ResourcesPreset preset) {
        this.resourcesPreset = preset;
    }
}
