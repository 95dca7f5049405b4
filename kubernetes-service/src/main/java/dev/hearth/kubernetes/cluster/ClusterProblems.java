package dev.hearth.kubernetes.cluster;

import dev.hearth.core.Labels;
import dev.hearth.core.api.kubernetes.Kubernetes;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.core.upstream.ClusterApi;
import dev.hearth.kubernetes.release.ClusterRelease;

/** What a cluster waits for, in words that say what to do about it: the messages of its Ready condition. */
final class ClusterProblems {
    private ClusterProblems() {}

    static String noTenant(Kubernetes kubernetes) {
        return "No Tenant owns namespace " + kubernetes.getMetadata().getNamespace()
                + " (tenant-service has not labelled it " + Labels.TENANT + "): create clusters in a tenant namespace";
    }

    static String noEtcd(String namespace, String tenant) {
        if (TenantNamespaceName.ROOT.equals(namespace)) {
            // tenant-root is tenant-service's own, from its settings: there is no Tenant to edit
            return "Tenant root has no etcd to store the cluster's state: set hearth.tenant.root.etcd=true in"
                    + " tenant-service's settings, or create clusters in a tenant that runs etcd; the cluster is created"
                    + " as soon as the etcd runs";
        }
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
