package dev.hearth.core.api.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/** An addon every cluster gets (CNI, CoreDNS, metrics-server); only its values can be changed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BuiltInAddon {
    @JsonPropertyDescription("Helm values merged over the addon's defaults.")
    @PreserveUnknownFields
    public JsonNode valuesOverride;
}
