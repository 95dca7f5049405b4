package dev.hearth.core.api.catalog;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Exposes {
    private static final String NAME_PLACEHOLDER = "{name}";

    @JsonPropertyDescription("Name templates of Secrets a tenant user may read, e.g. postgres-{name}-credentials.")
    public List<String> secrets = new ArrayList<>();

    @JsonPropertyDescription("Name templates of Services a tenant user may read, e.g. postgres-{name}-rw.")
    public List<String> services = new ArrayList<>();

    /** The exposed Secrets of the instance {@code instance}. */
    public List<String> secretsOf(String instance) {
        return filled(secrets, instance);
    }

    /** The exposed Services of the instance {@code instance}. */
    public List<String> servicesOf(String instance) {
        return filled(services, instance);
    }

    /** The templates with {@code {name}} filled in, blank ones left out, each name once, in the definition's order. */
    private static List<String> filled(List<String> templates, String instance) {
        if (templates == null) {
            return List.of();
        }
        return templates.stream()
                .filter(t -> t != null && !t.isBlank())
                .map(t -> t.replace(NAME_PLACEHOLDER, instance))
                .distinct()
                .toList();
    }
}
