package dev.hearth.core.api.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.hearth.core.api.HearthStatus;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ApplicationDefinitionStatus extends HearthStatus {
    @JsonPropertyDescription("The CRD generated for this kind.")
    public String crd;
}
