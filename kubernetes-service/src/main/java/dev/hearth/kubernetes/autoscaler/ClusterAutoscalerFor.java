package dev.hearth.kubernetes.autoscaler;

import java.util.List;
import java.util.Map;

import dev.hearth.core.Labels;
import dev.hearth.kubernetes.release.ClusterRelease;
import dev.hearth.kubernetes.release.ClusterSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;

/**
 * The cluster-autoscaler of one tenant cluster, running in the tenant namespace: it watches the tenant cluster's
 * pending pods through the admin kubeconfig and resizes this cluster's MachineDeployments (and only these: discovery
 * is scoped to the namespace and cluster name, the Role to the namespace) between their min/max annotations.
 */
public record ClusterAutoscalerFor(
        ServiceAccount serviceAccount, Role role, RoleBinding roleBinding, Deployment deployment) {
    private static final String KUBECONFIG_DIR = "/etc/kubernetes/workload";

    public static ClusterAutoscalerFor desired(ClusterRelease release, ClusterSettings settings) {
        String name = release.name() + "-cluster-autoscaler";
        var serviceAccount = new ServiceAccountBuilder()
                .withMetadata(release.metadata(name, Map.of()))
                .build();
        var role = new RoleBuilder()
                .withMetadata(release.metadata(name, Map.of()))
                .withRules(
                        new PolicyRuleBuilder()
                                .withApiGroups("cluster.x-k8s.io")
                                .withResources(
                                        "machinedeployments",
                                        "machinedeployments/scale",
                                        "machinesets",
                                        "machines",
                                        "machinepools")
                                .withVerbs("get", "list", "watch", "update", "patch")
                                .build(),
                        new PolicyRuleBuilder()
                                .withApiGroups("infrastructure.cluster.x-k8s.io")
                                .withResources("kubevirtmachinetemplates")
                                .withVerbs("get", "list", "watch")
                                .build())
                .build();
        var roleBinding = new RoleBindingBuilder()
                .withMetadata(release.metadata(name, Map.of()))
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role")
                .withName(name)
                .endRoleRef()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(name)
                .withNamespace(release.namespace())
                .endSubject()
                .build();
        Map<String, String> podLabels =
                Map.of("app.kubernetes.io/name", "cluster-autoscaler", "app.kubernetes.io/instance", name);
        var deployment = new DeploymentBuilder()
                .withMetadata(release.metadata(name, Map.of()))
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .withMatchLabels(podLabels)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(podLabels)
                // it scales through the management cluster's Cluster API objects: the tenant's NetworkPolicies let
                // only pods with this label reach that API server
                .addToLabels(Labels.API_ACCESS, "true")
                .endMetadata()
                .withNewSpec()
                .withServiceAccountName(name)
                .addNewContainer()
                .withName("cluster-autoscaler")
                .withImage(settings.autoscalerImage())
                .withCommand("/cluster-autoscaler")
                .withArgs(
                        "--cloud-provider=clusterapi",
                        // the tenant cluster is reached through its kubeconfig; Cluster API objects through the pod's
                        // service account
                        "--kubeconfig=" + KUBECONFIG_DIR + "/" + ClusterRelease.IN_CLUSTER_KUBECONFIG_KEY,
                        "--clusterapi-cloud-config-authoritative",
                        "--node-group-auto-discovery=clusterapi:namespace=" + release.namespace() + ",clusterName="
                                + release.name(),
                        "--scan-interval=25s",
                        "--scale-down-unneeded-time=30s")
                .addNewVolumeMount()
                .withName("kubeconfig")
                .withMountPath(KUBECONFIG_DIR)
                .withReadOnly(true)
                .endVolumeMount()
                .withNewResources()
                .addToRequests("cpu", new Quantity("50m"))
                .addToRequests("memory", new Quantity("128Mi"))
                .addToLimits("memory", new Quantity("512Mi"))
                .endResources()
                .endContainer()
                .addNewVolume()
                .withName("kubeconfig")
                .withNewSecret()
                .withSecretName(release.adminKubeconfigSecret())
                .endSecret()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        return new ClusterAutoscalerFor(serviceAccount, role, roleBinding, deployment);
    }

    public List<HasMetadata> all() {
        return List.of(serviceAccount, role, roleBinding, deployment);
    }
}
