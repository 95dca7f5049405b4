package dev.hearth.core.api.catalog;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Release {
    @JsonPropertyDescription("Prefix of the HelmRelease name, e.g. postgres-.")
    @Required
    @Pattern("^[a-z]([-a-z0-9]*)?$")
    public String prefix;

    @Required
    public Chart chart;

    @JsonPropertyDescription("Labels added to every HelmRelease of this kind.")
    public Map<String, String> labels = new TreeMap<>();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Chart {
        @Required
        @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
        public String name;

        @JsonPropertyDescription("Chart version (semver).")
        @Required
        @Pattern("^v?[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$")
        public String version;

        @JsonPropertyDescription("The Flux source (HelmRepository or OCIRepository) that serves the chart.")
        @Required
        public SourceRef sourceRef;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class SourceRef {
        @Required
        public SourceKind kind;

        @Required
        public String name;

        @Required
        public String namespace;
    }

    public enum SourceKind {
        HelmRepository,
        OCIRepository
    }
}
