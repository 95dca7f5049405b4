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

    @JsonPropertyDescription(
            "Per component of the bundle: enable or disable it, override its values, how to delete it.")
    @ValidationRule(
            value = "self.all(k, k.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'))",
            message = "component names are DNS labels")
    public Map<String, Component> components = new TreeMap<>();

    @JsonPropertyDescription("When a changed plan is applied: at once (Auto), or once its hash is approved (Manual).")
    public UpgradePolicy upgradePolicy;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Bundle {
        @JsonPropertyDescription("Which shipped bundle to install, e.g. hearth (bundle-installer lists them).")
        @Required
        @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
        public String name;

        @JsonPropertyDescription("Bundle version (semver).")
        @Required
        @Pattern("^[0-9]+\\.[0-9]+\\.[0-9]+$")
        public String version;

        @JsonPropertyDescription(
                "The installation: bare-metal (Hearth brings CNI and storage), generic (an existing k3s, kubeadm or"
                        + " RKE2 cluster), hosted (a managed cluster; no iaas layer).")
        @Required
        public Variant variant;
    }

    public enum Variant {
        @JsonProperty("bare-metal")
        BARE_METAL,
        @JsonProperty("generic")
        GENERIC,
        @JsonProperty("hosted")
        HOSTED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Component {
        @JsonPropertyDescription("Install the component (optional components are off by default).")
        public Boolean enabled;

        @JsonPropertyDescription("Helm values merged over the bundle's values.")
        @PreserveUnknownFields
        public JsonNode values;

        @JsonPropertyDescription(
                "What pruning does with the release once it is disabled or gone from the bundle: Delete uninstalls it;"
                        + " Retain (the default for components that own data or CRDs) leaves it installed, unmanaged.")
        public DeletionPolicy deletionPolicy;

        @JsonPropertyDescription(
                "Change this to any new value to retry a failed or stuck release (Flux's reset and force).")
        public String retryRequest;
    }

    public enum DeletionPolicy {
        Delete,
        Retain
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class UpgradePolicy {
        @JsonPropertyDescription("Auto (default) or Manual.")
        public Mode mode;

        @JsonPropertyDescription("With Manual: the status.plan.hash approved to be applied.")
        @Pattern("^[0-9a-f]{16}$")
        public String approvedPlan;
    }

    public enum Mode {
        Auto,
        Manual
    }
}
