package dev.hearth.kubernetes.cluster;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.hearth.core.Labels;
import dev.hearth.core.api.kubernetes.Kubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * The one place that writes a cluster's objects: server-side apply under one field manager, removal of what the spec
 * no longer asks for, and the ordered teardown on deletion.
 */
public final class ClusterObjects {
    public static final String FIELD_MANAGER = Labels.managedBy(ClusterRelease.SERVICE);

    /** Kinds whose objects disappear when their node group or addon leaves the spec. */
    private static final List<String[]> PRUNED = List.of(
            new String[] {Upstream.CAPI, Upstream.MACHINE_DEPLOYMENT},
            new String[] {Upstream.CAPI, Upstream.MACHINE_HEALTH_CHECK},
            new String[] {Upstream.BOOTSTRAP, Upstream.KUBEADM_CONFIG_TEMPLATE},
            new String[] {Upstream.HELM, Upstream.HELM_RELEASE});

    /** Everything except the Cluster, removed once Cluster API has torn the machines down. */
    private static final List<String[]> AFTER_CLUSTER = List.of(
            new String[] {Upstream.CAPI, Upstream.MACHINE_DEPLOYMENT},
            new String[] {Upstream.CAPI, Upstream.MACHINE_HEALTH_CHECK},
            new String[] {Upstream.HELM, Upstream.HELM_RELEASE},
            new String[] {Upstream.CONTROL_PLANE, Upstream.KAMAJI_CONTROL_PLANE},
            new String[] {Upstream.INFRASTRUCTURE, Upstream.KUBEVIRT_CLUSTER},
            new String[] {Upstream.INFRASTRUCTURE, Upstream.KUBEVIRT_MACHINE_TEMPLATE},
            new String[] {Upstream.BOOTSTRAP, Upstream.KUBEADM_CONFIG_TEMPLATE});

    private static final String MACHINE_SET = "MachineSet";

    private final KubernetesClient client;

    public ClusterObjects(KubernetesClient client) {
        this.client = client;
    }

    public void apply(List<HasMetadata> objects) {
        for (HasMetadata object : objects) {
            client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        }
    }

    /**
     * Applies the status alone (server-side, so fields no longer reported disappear). The patch carries no spec: a
     * {@code Kubernetes} made with {@code new} fills its spec with defaults, which must never reach the server.
     */
    public void applyStatus(Kubernetes kubernetes) {
        var patch = new Kubernetes();
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(kubernetes.getMetadata().getName())
                .withNamespace(kubernetes.getMetadata().getNamespace())
                .build());
        patch.setSpec(null);
        patch.setStatus(kubernetes.getStatus());
        client.resource(patch)
                .subresource("status")
                .patch(new PatchContext.Builder()
                        .withPatchType(PatchType.SERVER_SIDE_APPLY)
                        .withFieldManager(FIELD_MANAGER)
                        .withForce(true)
                        .build());
    }

    /**
     * Deletes the node-group and addon objects of this release that {@code desired} no longer contains, and the machine
     * templates that neither a MachineDeployment nor any MachineSet (whose machines were made from it) refers to.
     */
    public void prune(ClusterRelease release, List<HasMetadata> desired) {
        Set<String> wanted = desired.stream()
                .map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .collect(Collectors.toSet());
        for (String[] kind : PRUNED) {
            owned(release, kind).stream()
                    .filter(o ->
                            !wanted.contains(o.getKind() + "/" + o.getMetadata().getName()))
                    .forEach(o -> client.resource(o).delete());
        }
        Set<String> inUse = client
                .genericKubernetesResources(Upstream.CAPI, MACHINE_SET)
                .inNamespace(release.namespace())
                .withLabel(Upstream.CLUSTER_NAME_LABEL, release.name())
                .list()
                .getItems()
                .stream()
                .map(set -> Fields.string(set, "spec", "template", "spec", "infrastructureRef", "name")
                        .orElse(""))
                .collect(Collectors.toSet());
        owned(release, new String[] {Upstream.INFRASTRUCTURE, Upstream.KUBEVIRT_MACHINE_TEMPLATE}).stream()
                .filter(t ->
                        !wanted.contains(t.getKind() + "/" + t.getMetadata().getName())
                                && !inUse.contains(t.getMetadata().getName()))
                .forEach(t -> client.resource(t).delete());
    }

    /** The Cluster API Cluster of the release, if it still exists. */
    public Optional<GenericKubernetesResource> cluster(ClusterRelease release) {
        return Optional.ofNullable(client.genericKubernetesResources(Upstream.CAPI, Upstream.CLUSTER)
                .inNamespace(release.namespace())
                .withName(release.name())
                .get());
    }

    public void deleteCluster(GenericKubernetesResource cluster) {
        if (cluster.getMetadata().getDeletionTimestamp() == null) {
            client.resource(cluster).delete();
        }
    }

    /** Deletes every other object of the release; called once the Cluster is gone. */
    public void deleteRest(ClusterRelease release) {
        for (String[] kind : AFTER_CLUSTER) {
            client.genericKubernetesResources(kind[0], kind[1])
                    .inNamespace(release.namespace())
                    .withLabels(release.selector())
                    .delete();
        }
        for (Class<? extends HasMetadata> type :
                List.of(Deployment.class, RoleBinding.class, Role.class, ServiceAccount.class)) {
            client.resources(type)
                    .inNamespace(release.namespace())
                    .withLabels(release.selector())
                    .delete();
        }
    }

    private List<GenericKubernetesResource> owned(ClusterRelease release, String[] kind) {
        return client.genericKubernetesResources(kind[0], kind[1])
                .inNamespace(release.namespace())
                .withLabels(release.selector())
                .list()
                .getItems();
    }
}
