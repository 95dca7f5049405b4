package dev.hearth.kubernetes.cluster;

import java.util.Map;

import dev.hearth.core.upstream.ClusterApi;
import dev.hearth.kubernetes.release.ClusterRelease;

/**
 * The KubeVirt infrastructure of the cluster. Its control-plane endpoint is managed by Kamaji, which the
 * {@code cluster.x-k8s.io/managed-by} annotation tells the KubeVirt provider.
 */
public final class KubevirtClusterFor {
    public static final String MANAGED_BY = "cluster.x-k8s.io/managed-by";

    private KubevirtClusterFor() {}

    public static ClusterApi.KubevirtCluster desired(ClusterRelease release) {
        return release.object(ClusterApi.KubevirtCluster.class, release.name(), Map.of(MANAGED_BY, "kamaji"), Map.of());
    }
}
