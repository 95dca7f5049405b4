package dev.hearth.core.api.tenant;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.hearth.core.api.Quantities;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TenantSpec {

    @JsonPropertyDescription("Domain of this tenant; defaults to <name>.<parent host>.")
    @Pattern("^([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)*[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    public String host;

    @JsonPropertyDescription(
            "Run an etcd for this tenant and its descendants (the datastore of tenant Kubernetes clusters).")
    @Default("false")
    public Boolean etcd;

    @JsonPropertyDescription("Run an ingress controller for this tenant and its descendants.")
    @Default("false")
    public Boolean ingress;

    @JsonPropertyDescription("Run monitoring (metrics, logs, dashboards) for this tenant and its descendants.")
    @Default("false")
    public Boolean monitoring;

    @JsonPropertyDescription("Run SeaweedFS object storage for this tenant and its descendants.")
    @Default("false")
    public Boolean seaweedfs;

    @JsonPropertyDescription(
            "Resource quota of the tenant namespace, e.g. cpu: 4, memory: 8Gi, storage: 100Gi, pods: 50, "
                    + "services.loadbalancers: 2. cpu and memory bound requests and limits. A child's quota must fit in what its "
                    + "parent has not given to its other children. At most 10 entries.")
    @ValidationRule(value = Quantities.ALL_NON_NEGATIVE, message = Quantities.ALL_NON_NEGATIVE_MESSAGE)
    @ValidationRule(
            value = "self.all(k, k.matches('^[a-z0-9]([-a-z0-9./]*[a-z0-9])?$'))",
            message =
                    "resource quota keys are resource names such as cpu, memory, storage, pods or services.loadbalancers")
    // bounded so that the API server's CEL cost budget admits the quantity rule
    @Size(max = 10)
    public Map<String, Quantity> resourceQuotas = new TreeMap<>();
}
