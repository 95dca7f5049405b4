package dev.hearth.kubernetes.cluster;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.upstream.ClusterApi;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.GenericFields;
import dev.hearth.kubernetes.release.ClusterRelease;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

/**
 * What of a cluster's objects goes, and when: the node-group and addon objects the spec no longer asks for, and on
 * deletion the Cluster first, everything else once Cluster API has torn the machines down.
 */
final class UnwantedObjects {
    /** Kinds whose objects disappear when their node group or addon leaves the spec. */
    private static final List<Class<? extends HasMetadata>> PRUNED = List.of(
            ClusterApi.MachineDeployment.class,
            ClusterApi.MachineHealthCheck.class,
            ClusterApi.KubeadmConfigTemplate.class,
            Flux.HelmRelease.class);

    /** Everything except the Cluster, removed once Cluster API has torn the machines down. */
    private static final List<Class<? extends HasMetadata>> AFTER_CLUSTER = List.of(
            ClusterApi.MachineDeployment.class,
            ClusterApi.MachineHealthCheck.class,
            Flux.HelmRelease.class,
            ClusterApi.KamajiControlPlane.class,
            ClusterApi.KubevirtCluster.class,
            ClusterApi.KubevirtMachineTemplate.class,
            ClusterApi.KubeadmConfigTemplate.class,
            Deployment.class,
            RoleBinding.class,
            Role.class,
            ServiceAccount.class);

    private final ServerSideApply apply;

    UnwantedObjects(ServerSideApply apply) {
        this.apply = apply;
    }

    /**
     * Deletes the node-group and addon objects of this release that {@code desired} no longer contains, and the machine
     * templates that neither a MachineDeployment nor any MachineSet (whose machines were made from it) refers to.
     */
    void prune(ClusterRelease release, List<HasMetadata> desired) {
        Set<String> wanted = desired.stream().map(UnwantedObjects::key).collect(Collectors.toSet());
        Predicate<HasMetadata> isWanted = o -> wanted.contains(key(o));
        for (Class<? extends HasMetadata> kind : PRUNED) {
            apply.prune(kind, release.namespace(), release.selector(), isWanted);
        }
        Set<String> inUse = apply
                .client()
                .resources(ClusterApi.MachineSet.class)
                .inNamespace(release.namespace())
                .withLabel(ClusterApi.CLUSTER_NAME_LABEL, release.name())
                .list()
                .getItems()
                .stream()
                .map(set -> GenericFields.string(set, "spec", "template", "spec", "infrastructureRef", "name")
                        .orElse(""))
                .collect(Collectors.toSet());
        apply.prune(
                ClusterApi.KubevirtMachineTemplate.class,
                release.namespace(),
                release.selector(),
                isWanted.or(t -> inUse.contains(t.getMetadata().getName())));
    }

    /** The Cluster API Cluster of the release, if it still exists. */
    Optional<ClusterApi.Cluster> cluster(ClusterRelease release) {
        return Optional.ofNullable(apply.client()
                .resources(ClusterApi.Cluster.class)
                .inNamespace(release.namespace())
                .withName(release.name())
                .get());
    }

    void deleteCluster(ClusterApi.Cluster cluster) {
        if (cluster.getMetadata().getDeletionTimestamp() == null) {
            apply.delete(cluster);
        }
    }

    /** Deletes every other object of the release; called once the Cluster is gone. */
    void deleteRest(ClusterRelease release) {
        for (Class<? extends HasMetadata> kind : AFTER_CLUSTER) {
            apply.prune(kind, release.namespace(), release.selector(), o -> false);
        }
    }

    private static String key(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
