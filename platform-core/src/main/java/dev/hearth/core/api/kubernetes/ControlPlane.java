package dev.hearth.core.api.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ControlPlane {
    @JsonPropertyDescription("Number of control-plane replicas.")
    @Default("2")
    @Min(1)
    @Max(7)
    public Integer replicas;

    @JsonPropertyDescription("Resources of kube-apiserver.")
    public ComponentResources apiServer = new ComponentResources(ResourcesPreset.MEDIUM);

    @JsonPropertyDescription("Resources of kube-controller-manager.")
    public ComponentResources controllerManager = new ComponentResources(ResourcesPreset.MICRO);

    @JsonPropertyDescription("Resources of kube-scheduler.")
    public ComponentResources scheduler = new ComponentResources(ResourcesPreset.MICRO);

    @JsonPropertyDescription("Resources of the konnectivity server.")
    public ComponentResources konnectivity = new ComponentResources(ResourcesPreset.MICRO);
}
