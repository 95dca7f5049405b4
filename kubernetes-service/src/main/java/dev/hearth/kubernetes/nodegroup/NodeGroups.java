package dev.hearth.kubernetes.nodegroup;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hearth.core.api.kubernetes.KubernetesSpec;
import dev.hearth.core.api.kubernetes.NodeGroup;
import io.fabric8.kubernetes.api.model.Quantity;

/** The node groups a cluster runs: the spec's, or the default {@code md0} when it names none. */
public final class NodeGroups {
    public static final String DEFAULT_GROUP = "md0";
    public static final String DEFAULT_INSTANCE_TYPE = "u1.medium";
    /** Instance types of this series pass GPUs through; others have no PCI slots for them. */
    public static final String GPU_INSTANCE_SERIES = "gn1.";
    /** The CRD's defaults of a group's fields, for a spec that does not give them. */
    public static final int DEFAULT_MIN_REPLICAS = 0;

    public static final int DEFAULT_MAX_REPLICAS = 10;
    public static final String DEFAULT_DISK_SIZE = "20Gi";

    private NodeGroups() {}

    public static Map<String, NodeGroup> of(KubernetesSpec spec) {
        if (spec.nodeGroups != null && !spec.nodeGroups.isEmpty()) {
            return new TreeMap<>(spec.nodeGroups);
        }
        NodeGroup group = new NodeGroup();
        group.minReplicas = DEFAULT_MIN_REPLICAS;
        group.maxReplicas = DEFAULT_MAX_REPLICAS;
        group.instanceType = DEFAULT_INSTANCE_TYPE;
        group.diskSize = new Quantity(DEFAULT_DISK_SIZE);
        group.roles = List.of("ingress-nginx");
        return new TreeMap<>(Map.of(DEFAULT_GROUP, group));
    }

    public static int minReplicas(NodeGroup group) {
        return group.minReplicas == null ? DEFAULT_MIN_REPLICAS : group.minReplicas;
    }

    public static int maxReplicas(NodeGroup group) {
        return group.maxReplicas == null ? DEFAULT_MAX_REPLICAS : group.maxReplicas;
    }

    public static String diskSize(NodeGroup group) {
        return group.diskSize == null ? DEFAULT_DISK_SIZE : group.diskSize.toString();
    }

    /** The instance type of a group, or null when it gives explicit resources. */
    public static String instanceType(NodeGroup group) {
        if (group.resources != null) {
            return null;
        }
        return group.instanceType == null ? DEFAULT_INSTANCE_TYPE : group.instanceType;
    }

    /** What is wrong with a group that the schema cannot tell, in words that say what to change; null when nothing. */
    public static String problem(String name, NodeGroup group) {
        if (group.gpus == null || group.gpus.isEmpty()) {
            return null;
        }
        String instanceType = instanceType(group);
        if (instanceType == null) {
            return "node group " + name
                    + " requests GPUs with explicit resources: GPUs need an instance type of the gn1 series, "
                    + "so set spec.nodeGroups." + name
                    + ".instanceType (e.g. gn1.xlarge) instead of resources, or remove its gpus";
        }
        if (!instanceType.startsWith(GPU_INSTANCE_SERIES)) {
            return "node group " + name + " requests GPUs but instance type " + instanceType
                    + " cannot pass GPUs through: "
                    + "use an instance type of the gn1 series (e.g. gn1.xlarge) or remove spec.nodeGroups." + name
                    + ".gpus";
        }
        return null;
    }
}
