package dev.hearth.core.api.tenant;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.kubernetes.api.model.Quantity;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TenantQuotaStatus {
    @JsonPropertyDescription("Hard limits of the tenant namespace.")
    public Map<String, Quantity> hard = new TreeMap<>();

    @JsonPropertyDescription("Usage in the tenant namespace, as the ResourceQuota reports it.")
    public Map<String, Quantity> used = new TreeMap<>();

    @JsonPropertyDescription("Sum of the quotas of the child tenants.")
    public Map<String, Quantity> allocatedToChildren = new TreeMap<>();
}
