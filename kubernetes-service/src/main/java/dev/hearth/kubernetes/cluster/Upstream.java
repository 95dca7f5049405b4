package dev.hearth.kubernetes.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/** API versions and kinds of the upstream objects a tenant cluster is made of, as served by the installed providers. */
public final class Upstream {
    public static final String CAPI = "cluster.x-k8s.io/v1beta1";
    public static final String CLUSTER = "Cluster";
    public static final String MACHINE_DEPLOYMENT = "MachineDeployment";
    public static final String MACHINE_HEALTH_CHECK = "MachineHealthCheck";

    public static final String CONTROL_PLANE = "controlplane.cluster.x-k8s.io/v1alpha1";
    public static final String KAMAJI_CONTROL_PLANE = "KamajiControlPlane";

    public static final String INFRASTRUCTURE = "infrastructure.cluster.x-k8s.io/v1alpha1";
    public static final String KUBEVIRT_CLUSTER = "KubevirtCluster";
    public static final String KUBEVIRT_MACHINE_TEMPLATE = "KubevirtMachineTemplate";

    public static final String BOOTSTRAP = "bootstrap.cluster.x-k8s.io/v1beta1";
    public static final String KUBEADM_CONFIG_TEMPLATE = "KubeadmConfigTemplate";

    public static final String HELM = "helm.toolkit.fluxcd.io/v2";
    public static final String HELM_RELEASE = "HelmRelease";

    /** Labels Cluster API puts on and selects machines by. */
    public static final String CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";

    public static final String DEPLOYMENT_NAME_LABEL = "cluster.x-k8s.io/deployment-name";

    private Upstream() {}

    /** An object reference as Cluster API spells it. */
    public static Map<String, Object> ref(String apiVersion, String kind, String name, String namespace) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("apiVersion", apiVersion);
        ref.put("kind", kind);
        ref.put("name", name);
        ref.put("namespace", namespace);
        return ref;
    }
}
