package dev.hearth.core.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.kubernetes.api.model.Condition;

/** What every Hearth status carries: the generation it describes and its conditions ({@code Ready} first). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class HearthStatus {
    @JsonPropertyDescription("The metadata.generation this status describes.")
    public Long observedGeneration;

    @JsonPropertyDescription("Conditions of the resource; Ready says whether it is usable and, if not, why.")
    public List<Condition> conditions = new ArrayList<>();
}
