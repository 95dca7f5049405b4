package dev.hearth.core.api.catalog;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Exposes {
    @JsonPropertyDescription("Name templates of Secrets a tenant user may read, e.g. postgres-{name}-credentials.")
    public List<String> secrets = new ArrayList<>();

    @JsonPropertyDescription("Name templates of Services a tenant user may read, e.g. postgres-{name}-rw.")
    public List<String> services = new ArrayList<>();
}
