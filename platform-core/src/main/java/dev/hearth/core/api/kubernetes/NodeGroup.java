package dev.hearth.core.api.kubernetes;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.hearth.core.api.Quantities;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

/** A group of identical worker VMs, scaled by the cluster-autoscaler between min and max. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "self.minReplicas <= self.maxReplicas",
        message = "minReplicas must not be greater than maxReplicas")
@ValidationRule(
        value = "!(has(self.instanceType) && has(self.resources))",
        message = "set either instanceType or resources, not both")
public class NodeGroup {
    @JsonPropertyDescription("Fewest nodes the autoscaler keeps.")
    @Default("0")
    @Min(0)
    @Max(100)
    public Integer minReplicas;

    @JsonPropertyDescription("Most nodes the autoscaler creates.")
    @Default("10")
    @Min(0)
    @Max(100)
    public Integer maxReplicas;

    @JsonPropertyDescription(
            "KubeVirt cluster instance type of the nodes, e.g. u1.medium; when neither this nor resources is set, u1.medium.")
    @Pattern("^[a-z0-9]+\\.[a-z0-9]+$")
    public String instanceType;

    @JsonPropertyDescription("Explicit CPU and memory of each node, instead of an instance type.")
    public Resources resources;

    @JsonPropertyDescription("Size of each node's system disk.")
    @Default("20Gi")
    @ValidationRule(value = Quantities.POSITIVE, message = Quantities.POSITIVE_MESSAGE)
    public Quantity diskSize;

    @JsonPropertyDescription(
            "Storage class of the node disks (ReadWriteMany allows live migration); the cluster default when empty.")
    public String storageClass;

    @JsonPropertyDescription("Node roles, applied as node-role.kubernetes.io/<role> labels.")
    @Size(max = 16)
    public List<String> roles = new ArrayList<>();

    @JsonPropertyDescription("GPUs passed through to each node.")
    @Size(max = 8)
    public List<Gpu> gpus = new ArrayList<>();
}
