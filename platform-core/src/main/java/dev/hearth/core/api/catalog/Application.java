package dev.hearth.core.api.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Application {
    @JsonPropertyDescription("Kind, e.g. Postgres.")
    @Required
    @Pattern("^[A-Z][A-Za-z0-9]*$")
    public String kind;

    @JsonPropertyDescription("Singular resource name, e.g. postgres.")
    @Required
    @Pattern("^[a-z][a-z0-9]*$")
    public String singular;

    @JsonPropertyDescription("Plural resource name, e.g. postgreses.")
    @Required
    @Pattern("^[a-z][a-z0-9]*$")
    public String plural;

    @JsonPropertyDescription("OpenAPI v3 schema of the kind's spec, as JSON.")
    @Required
    public String openAPISchema;
}
