package dev.hearth.kubernetes.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hearth.core.upstream.ClusterApi;
import dev.hearth.kubernetes.release.ClusterNetwork;
import dev.hearth.kubernetes.release.ClusterRelease;

/** The Cluster API {@code Cluster} that ties the Kamaji control plane to the KubeVirt infrastructure. */
public final class ClusterFor {
    private ClusterFor() {}

    public static ClusterApi.Cluster desired(ClusterRelease release) {
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("pods", Map.of("cidrBlocks", List.of(ClusterNetwork.POD_CIDR)));
        network.put("services", Map.of("cidrBlocks", List.of(ClusterNetwork.SERVICE_CIDR)));
        network.put("serviceDomain", ClusterNetwork.SERVICE_DOMAIN);

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("clusterNetwork", network);
        spec.put(
                "controlPlaneRef",
                ClusterApi.ref(ClusterApi.KamajiControlPlane.class, release.name(), release.namespace()));
        spec.put(
                "infrastructureRef",
                ClusterApi.ref(ClusterApi.KubevirtCluster.class, release.name(), release.namespace()));
        return release.object(ClusterApi.Cluster.class, release.name(), Map.of(), spec);
    }
}
