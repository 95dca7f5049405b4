package dev.hearth.kubernetes.cluster;

import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The KubeVirt infrastructure of the cluster. Its control-plane endpoint is managed by Kamaji, which the
 * {@code cluster.x-k8s.io/managed-by} annotation tells the KubeVirt provider.
 */
public final class KubevirtClusterFor {
    public static final String MANAGED_BY = "cluster.x-k8s.io/managed-by";

    private KubevirtClusterFor() {}

    public static GenericKubernetesResource of(ClusterRelease release) {
        return release.object(
                Upstream.INFRASTRUCTURE,
                Upstream.KUBEVIRT_CLUSTER,
                release.name(),
                Map.of(MANAGED_BY, "kamaji"),
                Map.of());
    }
}
