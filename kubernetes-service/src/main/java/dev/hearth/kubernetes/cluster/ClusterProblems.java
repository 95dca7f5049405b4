package dev.hearth.kubernetes.cluster;

import dev.hearth.core.api.kubernetes.Kubernetes;
import dev.hearth.core.upstream.ClusterApi;
import dev.hearth.kubernetes.release.ClusterRelease;

/** What a cluster waits for, in words that say what to do about it: the messages of its Ready condition. */
final class ClusterProblems {
    private ClusterProblems() {}

    static String noTenant(Kubernetes kubernetes) {
        return "No Tenant owns namespace " + kubernetes.getMetadata().getNamespace()
                + " (no Tenant has it as status.namespace): create clusters in a tenant namespace";
    }

    static String noEtcd(String tenant) {
        return "Tenant " + tenant
                + " has no etcd to store the cluster's state: enable etcd (spec.etcd: true) on this tenant or one of its ancestor "
                + "tenants; the cluster is created as soon as the etcd runs";
    }

    static String deleting(ClusterRelease release, ClusterApi.Cluster cluster) {
        var finalizers = cluster.getMetadata().getFinalizers();
        return "Waiting for Cluster API to delete Cluster " + release.name()
                + (finalizers == null || finalizers.isEmpty()
                        ? ""
                        : " (finalizers: " + String.join(", ", finalizers) + ")")
                + "; the control plane, node groups and addons are removed after it";
    }
}
