package dev.hearth.kubernetes.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** The Cluster API {@code Cluster} that ties the Kamaji control plane to the KubeVirt infrastructure. */
public final class ClusterFor {
    public static final String POD_CIDR = "10.243.0.0/16";
    public static final String SERVICE_CIDR = "10.95.0.0/16";
    public static final String SERVICE_DOMAIN = "cluster.local";
    /** The tenth address of the service CIDR, where kubelet sends pods for DNS and CoreDNS listens. */
    public static final String DNS_SERVICE_IP = "10.95.0.10";

    private ClusterFor() {}

    public static GenericKubernetesResource of(ClusterRelease release) {
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("pods", Map.of("cidrBlocks", List.of(POD_CIDR)));
        network.put("services", Map.of("cidrBlocks", List.of(SERVICE_CIDR)));
        network.put("serviceDomain", SERVICE_DOMAIN);

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("clusterNetwork", network);
        spec.put(
                "controlPlaneRef",
                Upstream.ref(
                        Upstream.CONTROL_PLANE, Upstream.KAMAJI_CONTROL_PLANE, release.name(), release.namespace()));
        spec.put(
                "infrastructureRef",
                Upstream.ref(Upstream.INFRASTRUCTURE, Upstream.KUBEVIRT_CLUSTER, release.name(), release.namespace()));
        return release.object(Upstream.CAPI, Upstream.CLUSTER, release.name(), Map.of(), spec);
    }
}
