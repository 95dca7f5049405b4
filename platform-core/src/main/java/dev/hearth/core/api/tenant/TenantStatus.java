package dev.hearth.core.api.tenant;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.hearth.core.api.HearthStatus;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TenantStatus extends HearthStatus {

    @JsonPropertyDescription("The namespace of this tenant.")
    public String namespace;

    @JsonPropertyDescription("Namespaces from tenant-root down to this tenant's own.")
    public List<String> path = new ArrayList<>();

    @JsonPropertyDescription("The tenant's domain: spec.host or <name>.<parent host>.")
    public String host;

    @JsonPropertyDescription("For each shared service, the namespace of the nearest ancestor (inclusive) that runs it.")
    public TenantServices services;

    @JsonPropertyDescription(
            "Quota of the tenant namespace: hard limits, usage and what is allocated to child tenants.")
    public TenantQuotaStatus quota;

    @JsonPropertyDescription("While deletion is blocked: the objects and finalizers that block it.")
    public List<String> blockedBy = new ArrayList<>();
}
