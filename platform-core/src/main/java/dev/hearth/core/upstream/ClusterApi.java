package dev.hearth.core.upstream;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The Cluster API kinds a tenant cluster is made of: core, kubeadm bootstrap, the Kamaji control-plane provider and the KubeVirt infrastructure provider.
 * Content stays generic (see {@link Upstream}); the classes only name the kinds.
 */
public final class ClusterApi {
    /** Labels Cluster API puts on, and selects, the objects of a cluster and of a MachineDeployment. */
    public static final String CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";

    public static final String DEPLOYMENT_NAME_LABEL = "cluster.x-k8s.io/deployment-name";

    @Group("cluster.x-k8s.io")
    @Version("v1beta1")
    @Kind("Cluster")
    @Plural("clusters")
    public static class Cluster extends GenericKubernetesResource implements Namespaced {}

    @Group("cluster.x-k8s.io")
    @Version("v1beta1")
    @Kind("MachineDeployment")
    @Plural("machinedeployments")
    public static class MachineDeployment extends GenericKubernetesResource implements Namespaced {}

    @Group("cluster.x-k8s.io")
    @Version("v1beta1")
    @Kind("MachineSet")
    @Plural("machinesets")
    public static class MachineSet extends GenericKubernetesResource implements Namespaced {}

    @Group("cluster.x-k8s.io")
    @Version("v1beta1")
    @Kind("MachineHealthCheck")
    @Plural("machinehealthchecks")
    public static class MachineHealthCheck extends GenericKubernetesResource implements Namespaced {}

    @Group("bootstrap.cluster.x-k8s.io")
    @Version("v1beta1")
    @Kind("KubeadmConfigTemplate")
    @Plural("kubeadmconfigtemplates")
    public static class KubeadmConfigTemplate extends GenericKubernetesResource implements Namespaced {}

    @Group("controlplane.cluster.x-k8s.io")
    @Version("v1alpha1")
    @Kind("KamajiControlPlane")
    @Plural("kamajicontrolplanes")
    public static class KamajiControlPlane extends GenericKubernetesResource implements Namespaced {}

    @Group("infrastructure.cluster.x-k8s.io")
    @Version("v1alpha1")
    @Kind("KubevirtCluster")
    @Plural("kubevirtclusters")
    public static class KubevirtCluster extends GenericKubernetesResource implements Namespaced {}

    @Group("infrastructure.cluster.x-k8s.io")
    @Version("v1alpha1")
    @Kind("KubevirtMachineTemplate")
    @Plural("kubevirtmachinetemplates")
    public static class KubevirtMachineTemplate extends GenericKubernetesResource implements Namespaced {}

    private ClusterApi() {}

    /** An object reference as Cluster API spells it. */
    public static Map<String, Object> ref(
            Class<? extends GenericKubernetesResource> kind, String name, String namespace) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("apiVersion", Upstream.apiVersion(kind));
        ref.put("kind", Upstream.kind(kind));
        ref.put("name", name);
        ref.put("namespace", namespace);
        return ref;
    }
}
