package dev.hearth.core.api.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "has(self.release) != has(self.managedBy)",
        message = "set exactly one of release (a chart apps-catalog installs) or managedBy (a dedicated service)")
public class ApplicationDefinitionSpec {
    @JsonPropertyDescription("The kind users create.")
    @Required
    public Application application;

    @JsonPropertyDescription("The chart an instance becomes, as a Flux HelmRelease <prefix><name>.")
    public Release release;

    @JsonPropertyDescription("The service that reconciles this kind instead of apps-catalog.")
    public ManagedBy managedBy;

    @JsonPropertyDescription("How the dashboard shows this kind.")
    public Dashboard dashboard;

    @JsonPropertyDescription("Objects of an instance that a tenant user may read.")
    public Exposes exposes;

    public enum ManagedBy {
        @com.fasterxml.jackson.annotation.JsonProperty("tenant-service")
        TENANT_SERVICE,
        @com.fasterxml.jackson.annotation.JsonProperty("kubernetes-service")
        KUBERNETES_SERVICE,
        @com.fasterxml.jackson.annotation.JsonProperty("vm-service")
        VM_SERVICE
    }
}
