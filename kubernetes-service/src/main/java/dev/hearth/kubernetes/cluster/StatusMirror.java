package dev.hearth.kubernetes.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.hearth.core.api.kubernetes.KubernetesStatus;
import dev.hearth.core.api.kubernetes.NodeGroupStatus;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.upstream.GenericFields;
import dev.hearth.kubernetes.addon.AddonsReady;
import dev.hearth.kubernetes.nodegroup.NodeGroups;
import dev.hearth.kubernetes.release.ClusterRelease;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Mirrors what Cluster API and Kamaji report onto the {@code Kubernetes} status: the Cluster's phase and conditions,
 * the control plane's version, the API endpoint, the kubeconfig Secret and each node group's size; and decides Ready.
 */
public final class StatusMirror {
    private final ReadyCondition ready;

    public StatusMirror(ReadyCondition ready) {
        this.ready = ready;
    }

    /**
     * What the management cluster reports about one tenant cluster; absent objects are not created or not seen yet.
     *
     * @param addons the names of the addon HelmReleases written, in install order
     * @param addonReleases the cluster's HelmReleases as cached, by name
     */
    public record Observed(
            Optional<GenericKubernetesResource> cluster,
            Optional<GenericKubernetesResource> controlPlane,
            List<GenericKubernetesResource> machineDeployments,
            List<String> addons,
            Map<String, GenericKubernetesResource> addonReleases) {
        /** Without addons to report on. */
        public Observed(
                Optional<GenericKubernetesResource> cluster,
                Optional<GenericKubernetesResource> controlPlane,
                List<GenericKubernetesResource> machineDeployments) {
            this(cluster, controlPlane, machineDeployments, List.of(), Map.of());
        }
    }

    public void mirror(ClusterRelease release, Observed observed, KubernetesStatus status) {
        var cluster = observed.cluster().orElse(null);
        var controlPlane = observed.controlPlane().orElse(null);
        Long generation = release.kubernetes().getMetadata().getGeneration();

        status.phase = GenericFields.string(cluster, "status", "phase").orElse(null);
        status.version = GenericFields.string(controlPlane, "status", "version").orElse(null);
        status.kubeconfigSecret = release.adminKubeconfigSecret();
        status.apiEndpoint = apiEndpoint(release, cluster).orElse(null);
        status.nodeGroups = nodeGroups(release, observed.machineDeployments());

        List<Condition> mirrored = new ArrayList<>();
        for (Map<String, Object> c : GenericFields.list(cluster, "status", "conditions")) {
            String type = String.valueOf(c.get("type"));
            if (ReadyCondition.TYPE.equals(type)) {
                continue;
            }
            mirrored.add(new ConditionBuilder()
                    .withType(type)
                    .withStatus(String.valueOf(c.get("status")))
                    .withReason(c.get("reason") == null ? type : String.valueOf(c.get("reason")))
                    .withMessage(c.get("message") == null ? "" : String.valueOf(c.get("message")))
                    .withLastTransitionTime(String.valueOf(c.get("lastTransitionTime")))
                    .withObservedGeneration(generation)
                    .build());
        }
        status.conditions.removeIf(
                c -> !ReadyCondition.TYPE.equals(c.getType()) && !AddonsReady.TYPE.equals(c.getType()));
        status.conditions.addAll(mirrored);
        decideReady(release, cluster, controlPlane, status);
        mirrorAddons(release, observed, status);
    }

    /** Flux's word on the addon releases, apart from Ready: the control plane can be up while addons still install. */
    private void mirrorAddons(ClusterRelease release, Observed observed, KubernetesStatus status) {
        if (observed.addons().isEmpty()) {
            status.conditions.removeIf(c -> AddonsReady.TYPE.equals(c.getType()));
            return;
        }
        AddonsReady addons = AddonsReady.of(observed.addons(), observed.addonReleases());
        ready.set(release.kubernetes(), status, AddonsReady.TYPE, addons.status(), addons.reason(), addons.message());
    }

    private void decideReady(
            ClusterRelease release,
            GenericKubernetesResource cluster,
            GenericKubernetesResource controlPlane,
            KubernetesStatus status) {
        var kubernetes = release.kubernetes();
        if (cluster == null) {
            ready.notReady(
                    kubernetes,
                    status,
                    "Provisioning",
                    "Waiting for Cluster API to report on Cluster " + release.name());
            return;
        }
        String phase = status.phase == null ? "Pending" : status.phase;
        if ("Failed".equals(phase)) {
            String why =
                    GenericFields.string(cluster, "status", "failureMessage").orElse("no failure message");
            ready.notReady(
                    kubernetes,
                    status,
                    "ClusterFailed",
                    "Cluster API reports Cluster " + release.name() + " failed: " + why);
            return;
        }
        boolean controlPlaneReady = GenericFields.isTrue(cluster, "status", "controlPlaneReady")
                || GenericFields.isTrue(controlPlane, "status", "ready");
        if ("Provisioned".equals(phase) && controlPlaneReady) {
            ready.ready(
                    kubernetes,
                    status,
                    "ClusterReady",
                    "Control plane "
                            + Optional.ofNullable(status.version)
                                    .orElse(release.version().release())
                            + " is ready" + (status.apiEndpoint == null ? "" : " at " + status.apiEndpoint)
                            + "; the admin kubeconfig is in Secret " + status.kubeconfigSecret);
            return;
        }
        int replicas = GenericFields.integer(controlPlane, "status", "replicas").orElse(0);
        int readyReplicas =
                GenericFields.integer(controlPlane, "status", "readyReplicas").orElse(0);
        ready.notReady(
                kubernetes,
                status,
                "Provisioning",
                "Cluster API reports phase " + phase + "; control plane " + readyReplicas + "/" + replicas
                        + " replicas ready");
    }

    private static Optional<String> apiEndpoint(ClusterRelease release, GenericKubernetesResource cluster) {
        Optional<String> host = GenericFields.string(cluster, "spec", "controlPlaneEndpoint", "host")
                .filter(h -> !h.isBlank());
        if (host.isPresent()) {
            int port = GenericFields.integer(cluster, "spec", "controlPlaneEndpoint", "port")
                    .orElse(443);
            return Optional.of("https://" + host.get() + (port == 443 ? "" : ":" + port));
        }
        if (release.tenant().ingress().isPresent()) {
            return release.host().map(h -> "https://" + h);
        }
        return Optional.empty();
    }

    private static Map<String, NodeGroupStatus> nodeGroups(
            ClusterRelease release, List<GenericKubernetesResource> machineDeployments) {
        Map<String, NodeGroupStatus> groups = new TreeMap<>();
        for (String group : NodeGroups.of(release.kubernetes().getSpec()).keySet()) {
            String name = release.name() + "-" + group;
            machineDeployments.stream()
                    .filter(md -> name.equals(md.getMetadata().getName()))
                    .findFirst()
                    .ifPresent(md -> {
                        var size = new NodeGroupStatus();
                        size.replicas =
                                GenericFields.integer(md, "status", "replicas").orElse(0);
                        size.readyReplicas = GenericFields.integer(md, "status", "readyReplicas")
                                .orElse(0);
                        groups.put(group, size);
                    });
        }
        return groups;
    }
}
