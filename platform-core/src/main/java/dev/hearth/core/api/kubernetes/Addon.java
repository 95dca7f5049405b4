package dev.hearth.core.api.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;

/** An optional addon: off unless enabled. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Addon {
    @JsonPropertyDescription("Install this addon into the cluster.")
    @Default("false")
    public Boolean enabled;

    @JsonPropertyDescription("Helm values merged over the addon's defaults.")
    @PreserveUnknownFields
    public JsonNode valuesOverride;
}
