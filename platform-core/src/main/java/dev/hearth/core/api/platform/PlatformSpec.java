package dev.hearth.core.api.platform;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PlatformSpec {
    @Required
    public Bundle bundle;

    @JsonPropertyDescription("Per component: enable or disable it and override its values.")
    @ValidationRule(
            value = "self.all(k, k.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'))",
            message = "component names are DNS labels")
    public Map<String, Component> components = new TreeMap<>();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Bundle {
        @JsonPropertyDescription("Which bundle to install.")
        @Required
        public BundleName name;

        @JsonPropertyDescription("Bundle version (semver).")
        @Required
        @Pattern("^[0-9]+\\.[0-9]+\\.[0-9]+$")
        public String version;
    }

    public enum BundleName {
        @JsonProperty("paas-full")
        PAAS_FULL,
        @JsonProperty("paas-hosted")
        PAAS_HOSTED,
        @JsonProperty("distro-full")
        DISTRO_FULL,
        @JsonProperty("distro-hosted")
        DISTRO_HOSTED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Component {
        @JsonPropertyDescription("Install the component (optional components are off by default).")
        public Boolean enabled;

        @JsonPropertyDescription("Helm values merged over the bundle's values.")
        @PreserveUnknownFields
        public JsonNode values;
    }
}
