package dev.hearth.core.api.catalog;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Dashboard {
    @Required
    public Category category;

    @Required
    public String singular;

    @Required
    public String plural;

    public String description;

    @JsonPropertyDescription("Icon as a data URI or URL.")
    public String icon;

    public List<String> tags = new ArrayList<>();

    @JsonPropertyDescription("Order of the spec keys in forms, as JSON paths split into segments.")
    public List<List<String>> keysOrder = new ArrayList<>();

    @JsonPropertyDescription(
            "A tenant module (Etcd, Ingress, ...), shown in the tenant's settings rather than the catalog.")
    @Default("false")
    public Boolean module;

    public enum Category {
        PaaS,
        IaaS,
        NaaS,
        Administration
    }
}
