package dev.hearth.kubernetes.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.hearth.kubernetes.access.AdminKubeconfigReaderBindingFor;
import dev.hearth.kubernetes.access.AdminKubeconfigReaderRoleFor;
import dev.hearth.kubernetes.addon.AddonReleasesFor;
import dev.hearth.kubernetes.autoscaler.ClusterAutoscalerFor;
import dev.hearth.kubernetes.nodegroup.NodeGroupObjectsFor;
import dev.hearth.kubernetes.nodegroup.NodeGroups;
import dev.hearth.kubernetes.release.ClusterRelease;
import dev.hearth.kubernetes.release.ClusterSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Every object of a tenant cluster in the management cluster, in the order they are applied. */
public final class DesiredObjects {
    private static final int MAX_LABEL_VALUE = 63;

    private DesiredObjects() {}

    public static List<HasMetadata> of(ClusterRelease release, ClusterSettings settings) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(ClusterFor.desired(release));
        objects.add(KamajiControlPlaneFor.desired(release));
        objects.add(KubevirtClusterFor.desired(release));
        objects.add(AdminKubeconfigReaderRoleFor.desired(release));
        objects.add(AdminKubeconfigReaderBindingFor.desired(release, settings));
        NodeGroups.of(release.kubernetes().getSpec())
                .forEach((name, group) -> objects.addAll(NodeGroupObjectsFor.desired(release, settings, name, group)
                        .all()));
        objects.addAll(ClusterAutoscalerFor.desired(release, settings).all());
        objects.addAll(AddonReleasesFor.desired(release, settings));
        return objects;
    }

    /** What in the spec the schema cannot refuse but the platform cannot build, said as what to change. */
    public static Optional<String> problem(ClusterRelease release) {
        List<String> problems = new ArrayList<>();
        NodeGroups.of(release.kubernetes().getSpec()).forEach((name, group) -> {
            String problem = NodeGroups.problem(name, group);
            if (problem != null) {
                problems.add(problem);
            }
            String deployment = release.name() + "-" + name;
            // Cluster API labels every machine with its MachineDeployment's name, and label values hold 63 characters
            if (deployment.length() > MAX_LABEL_VALUE) {
                problems.add("node group " + name + " of cluster "
                        + release.kubernetes().getMetadata().getName() + " makes the name "
                        + deployment + " (" + deployment.length() + " characters), longer than the " + MAX_LABEL_VALUE
                        + " Kubernetes allows: use a shorter node group name");
            }
        });
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }
}
