package dev.hearth.kubernetes.nodegroup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hearth.core.Annotations;
import dev.hearth.core.ContentHash;
import dev.hearth.core.api.kubernetes.Gpu;
import dev.hearth.core.api.kubernetes.NodeGroup;
import dev.hearth.core.upstream.ClusterApi;
import dev.hearth.kubernetes.release.ClusterRelease;
import dev.hearth.kubernetes.release.ClusterSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The Cluster API objects of one node group: a KubeVirt machine template whose name carries a hash of its content
 * (templates are immutable, so a change makes a new one and the MachineDeployment rolls onto it), the kubeadm
 * bootstrap template, the MachineDeployment the cluster-autoscaler sizes, and its MachineHealthCheck.
 *
 * <p>One mapping for the four, not four: they share the deployment's name, and the MachineDeployment refers to the
 * template by the content hash only the template's mapping computes.
 */
public record NodeGroupObjectsFor(
        ClusterApi.KubevirtMachineTemplate machineTemplate,
        ClusterApi.KubeadmConfigTemplate bootstrapTemplate,
        ClusterApi.MachineDeployment machineDeployment,
        ClusterApi.MachineHealthCheck healthCheck) {

    public static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";
    /** On each node, the group it belongs to (a label kubelet may set on itself). */
    public static final String NODE_GROUP_LABEL = "node.hearth.dev/group";

    public static final String CAPACITY_CPU = "capacity.cluster-autoscaler.kubernetes.io/cpu";
    public static final String CAPACITY_MEMORY = "capacity.cluster-autoscaler.kubernetes.io/memory";

    public static NodeGroupObjectsFor desired(
            ClusterRelease release, ClusterSettings settings, String groupName, NodeGroup group) {
        String deploymentName = release.name() + "-" + groupName;
        Map<String, Object> templateSpec = machineTemplateSpec(release, settings, group);
        String templateName = deploymentName + "-" + contentHash(templateSpec);
        var machineTemplate =
                release.object(ClusterApi.KubevirtMachineTemplate.class, templateName, Map.of(), templateSpec);
        var bootstrapTemplate = release.object(
                ClusterApi.KubeadmConfigTemplate.class, deploymentName, Map.of(), bootstrapTemplateSpec(groupName));
        var machineDeployment = release.object(
                ClusterApi.MachineDeployment.class,
                deploymentName,
                autoscalerAnnotations(group),
                machineDeploymentSpec(release, group, deploymentName, templateName));
        var healthCheck = release.object(
                ClusterApi.MachineHealthCheck.class,
                deploymentName,
                Map.of(),
                healthCheckSpec(release, deploymentName));
        return new NodeGroupObjectsFor(machineTemplate, bootstrapTemplate, machineDeployment, healthCheck);
    }

    /** The four in the order they are applied: the MachineDeployment after the templates it refers to. */
    public List<GenericKubernetesResource> all() {
        return List.of(machineTemplate, bootstrapTemplate, machineDeployment, healthCheck);
    }

    private static Map<String, Object> machineTemplateSpec(
            ClusterRelease release, ClusterSettings settings, NodeGroup group) {
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("resources", Map.of("requests", Map.of("storage", NodeGroups.diskSize(group))));
        if (group.storageClass != null && !group.storageClass.isBlank()) {
            storage.put("storageClassName", group.storageClass);
        }
        Map<String, Object> systemDisk = new LinkedHashMap<>();
        systemDisk.put("metadata", Map.of("name", "disk-system"));
        systemDisk.put(
                "spec",
                Map.of(
                        "source",
                        Map.of(
                                "registry",
                                Map.of(
                                        "url",
                                        settings.nodeImage() + ":"
                                                + release.version().release())),
                        "storage",
                        storage));

        Map<String, Object> devices = new LinkedHashMap<>();
        devices.put("disks", List.of(Map.of("name", "system", "disk", Map.of("bus", "virtio"))));
        devices.put("interfaces", List.of(Map.of("name", "default", "bridge", Map.of())));
        if (group.gpus != null && !group.gpus.isEmpty()) {
            List<Map<String, Object>> gpus = new ArrayList<>();
            for (int i = 0; i < group.gpus.size(); i++) {
                Gpu gpu = group.gpus.get(i);
                gpus.add(Map.of("name", "gpu" + i, "deviceName", gpu.name));
            }
            devices.put("gpus", gpus);
        }
        Map<String, Object> domain = new LinkedHashMap<>();
        if (group.resources != null) {
            domain.put("cpu", Map.of("cores", wholeCores(group.resources.cpu.getNumericalAmount())));
            domain.put("memory", Map.of("guest", group.resources.memory.toString()));
        }
        domain.put("devices", devices);

        Map<String, Object> vmiSpec = new LinkedHashMap<>();
        vmiSpec.put("domain", domain);
        // Cluster API replaces unhealthy or evicted machines itself; KubeVirt must not migrate or restart them on its
        // own
        vmiSpec.put("evictionStrategy", "External");
        vmiSpec.put("networks", List.of(Map.of("name", "default", "pod", Map.of())));
        vmiSpec.put("volumes", List.of(Map.of("name", "system", "dataVolume", Map.of("name", "disk-system"))));

        Map<String, Object> vmSpec = new LinkedHashMap<>();
        vmSpec.put("runStrategy", "Always");
        String instanceType = NodeGroups.instanceType(group);
        if (instanceType != null) {
            vmSpec.put("instancetype", Map.of("kind", "VirtualMachineClusterInstancetype", "name", instanceType));
        }
        vmSpec.put("dataVolumeTemplates", List.of(systemDisk));
        vmSpec.put("template", Map.of("spec", vmiSpec));

        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("virtualMachineBootstrapCheck", Map.of("checkStrategy", "none"));
        machine.put("virtualMachineTemplate", Map.of("spec", vmSpec));
        return Map.of("template", Map.of("spec", machine));
    }

    private static Map<String, Object> bootstrapTemplateSpec(String groupName) {
        Map<String, Object> nodeRegistration =
                Map.of("kubeletExtraArgs", Map.of("node-labels", NODE_GROUP_LABEL + "=" + groupName));
        return Map.of(
                "template", Map.of("spec", Map.of("joinConfiguration", Map.of("nodeRegistration", nodeRegistration))));
    }

    private static Map<String, String> autoscalerAnnotations(NodeGroup group) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(Annotations.AUTOSCALER_MIN, String.valueOf(NodeGroups.minReplicas(group)));
        annotations.put(Annotations.AUTOSCALER_MAX, String.valueOf(NodeGroups.maxReplicas(group)));
        if (group.resources != null) {
            // lets the autoscaler scale a group up from zero: it cannot look at a node that does not exist
            annotations.put(CAPACITY_CPU, String.valueOf(wholeCores(group.resources.cpu.getNumericalAmount())));
            annotations.put(CAPACITY_MEMORY, group.resources.memory.toString());
        }
        return annotations;
    }

    private static Map<String, Object> machineDeploymentSpec(
            ClusterRelease release, NodeGroup group, String deploymentName, String templateName) {
        Map<String, String> selectorLabels = new LinkedHashMap<>();
        selectorLabels.put(ClusterApi.CLUSTER_NAME_LABEL, release.name());
        selectorLabels.put(ClusterApi.DEPLOYMENT_NAME_LABEL, deploymentName);
        Map<String, String> machineLabels = new LinkedHashMap<>(selectorLabels);
        if (group.roles != null) {
            // Cluster API copies node-role.kubernetes.io/* labels from machines to nodes; kubelet may not set them
            group.roles.forEach(role -> machineLabels.put(ROLE_LABEL_PREFIX + role, ""));
        }

        Map<String, Object> machineSpec = new LinkedHashMap<>();
        machineSpec.put("clusterName", release.name());
        machineSpec.put("version", release.version().release());
        machineSpec.put(
                "bootstrap",
                Map.of(
                        "configRef",
                        ClusterApi.ref(ClusterApi.KubeadmConfigTemplate.class, deploymentName, release.namespace())));
        machineSpec.put(
                "infrastructureRef",
                ClusterApi.ref(ClusterApi.KubevirtMachineTemplate.class, templateName, release.namespace()));

        int maxSurge = Math.max(1, NodeGroups.maxReplicas(group));
        Map<String, Object> spec = new LinkedHashMap<>();
        // no replicas: the cluster-autoscaler owns them between the min and max annotations
        spec.put("clusterName", release.name());
        spec.put("selector", Map.of("matchLabels", selectorLabels));
        spec.put(
                "strategy",
                Map.of("type", "RollingUpdate", "rollingUpdate", Map.of("maxSurge", maxSurge, "maxUnavailable", 1)));
        spec.put("template", Map.of("metadata", Map.of("labels", machineLabels), "spec", machineSpec));
        return spec;
    }

    private static Map<String, Object> healthCheckSpec(ClusterRelease release, String deploymentName) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("clusterName", release.name());
        spec.put("maxUnhealthy", "50%");
        spec.put("nodeStartupTimeout", "20m");
        spec.put("selector", Map.of("matchLabels", Map.of(ClusterApi.DEPLOYMENT_NAME_LABEL, deploymentName)));
        spec.put(
                "unhealthyConditions",
                List.of(
                        Map.of("type", "Ready", "status", "Unknown", "timeout", "300s"),
                        Map.of("type", "Ready", "status", "False", "timeout", "600s")));
        return spec;
    }

    private static int wholeCores(BigDecimal cores) {
        return Math.max(1, cores.setScale(0, RoundingMode.CEILING).intValueExact());
    }

    /** First six hex digits of the spec's content hash, so equal content gives an equal name. */
    static String contentHash(Map<String, Object> spec) {
        return ContentHash.of(spec, 6);
    }
}
