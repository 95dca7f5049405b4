package dev.hearth.core.api.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value =
                "!has(oldSelf.version) || !has(self.version) || int(self.version.substring(3)) >= int(oldSelf.version.substring(3))",
        message = "spec.version cannot be downgraded: a cluster only moves forward to a newer Kubernetes minor")
public class KubernetesSpec {

    @JsonPropertyDescription(
            "Kubernetes minor of the cluster; the patch release comes from the platform's version table.")
    @Default(KubernetesVersion.DEFAULT)
    public KubernetesVersion version;

    @JsonPropertyDescription("Hostname of the cluster's API endpoint; defaults to kubernetes-<name>.<tenant host>.")
    @Pattern("^([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)*[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    public String host;

    @JsonPropertyDescription("The control plane, run as pods in the management cluster.")
    public ControlPlane controlPlane;

    @JsonPropertyDescription(
            "Worker node groups by name; when empty, one group md0 (0 to 10 nodes of u1.medium, 20Gi disk). At most 6 groups.")
    @ValidationRule(
            value = "self.all(k, k.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$') && size(k) <= 20)",
            message = "node group names must be DNS labels of at most 20 characters")
    // bounded so that the API server's CEL cost budget admits the quantity rules of every group
    @Size(max = 6)
    public Map<String, NodeGroup> nodeGroups = new TreeMap<>();

    @JsonPropertyDescription("Addons installed into the cluster as Helm releases.")
    public Addons addons;

    @JsonPropertyDescription("Extra subject alternative names of the API server certificate.")
    @Size(max = 32)
    public List<String> certSANs = new ArrayList<>();
}
