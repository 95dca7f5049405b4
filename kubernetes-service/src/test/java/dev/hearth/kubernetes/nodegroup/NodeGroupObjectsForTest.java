package dev.hearth.kubernetes.nodegroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.Annotations;
import dev.hearth.core.api.kubernetes.Gpu;
import dev.hearth.core.api.kubernetes.NodeGroup;
import dev.hearth.core.api.kubernetes.Resources;
import dev.hearth.kubernetes.cluster.DesiredObjects;
import dev.hearth.kubernetes.cluster.Fixtures;
import dev.hearth.kubernetes.release.ClusterRelease;

class NodeGroupObjectsForTest {
    private final ClusterRelease release = new ClusterRelease(Fixtures.kubernetes("minimal"), Fixtures.TENANT);

    @Test
    void equalContentKeepsTheTemplateNameAndAChangeMakesANewOneTheDeploymentMovesTo() {
        var before = NodeGroupObjectsFor.desired(release, Fixtures.SETTINGS, "workers", group("u1.medium"));
        var again = NodeGroupObjectsFor.desired(release, Fixtures.SETTINGS, "workers", group("u1.medium"));
        var after = NodeGroupObjectsFor.desired(release, Fixtures.SETTINGS, "workers", group("u1.large"));

        String oldName = before.machineTemplate().getMetadata().getName();
        String newName = after.machineTemplate().getMetadata().getName();
        assertThat(oldName)
                .matches("kubernetes-dev-workers-[0-9a-f]{6}")
                .isEqualTo(again.machineTemplate().getMetadata().getName());
        assertThat(newName).matches("kubernetes-dev-workers-[0-9a-f]{6}").isNotEqualTo(oldName);
        assertThat(infrastructureRefName(before)).isEqualTo(oldName);
        assertThat(infrastructureRefName(after)).isEqualTo(newName);
        assertThat(after.machineDeployment().getMetadata().getName())
                .isEqualTo(before.machineDeployment().getMetadata().getName());
    }

    @Test
    void theAutoscalerOwnsTheReplicas() {
        var group = group("u1.medium");
        group.minReplicas = 2;
        group.maxReplicas = 7;

        var deployment = NodeGroupObjectsFor.desired(release, Fixtures.SETTINGS, "workers", group)
                .machineDeployment();

        assertThat(deployment.getMetadata().getAnnotations())
                .containsEntry(Annotations.AUTOSCALER_MIN, "2")
                .containsEntry(Annotations.AUTOSCALER_MAX, "7");
        assertThat(spec(deployment.getAdditionalProperties())).doesNotContainKey("replicas");
    }

    @Test
    void gpusNeedAnInstanceTypeOfTheGpuSeries() {
        var general = group("u1.xlarge");
        general.gpus = List.of(new Gpu("nvidia.com/AD102GL_L40S"));
        var explicit = new NodeGroup();
        explicit.resources = new Resources("4", "16Gi");
        explicit.gpus = List.of(new Gpu("nvidia.com/AD102GL_L40S"));
        var gpu = group("gn1.xlarge");
        gpu.gpus = List.of(new Gpu("nvidia.com/AD102GL_L40S"));

        assertThat(NodeGroups.problem("ml", general))
                .isEqualTo("node group ml requests GPUs but instance type u1.xlarge cannot pass GPUs through: "
                        + "use an instance type of the gn1 series (e.g. gn1.xlarge) or remove spec.nodeGroups.ml.gpus");
        assertThat(NodeGroups.problem("ml", explicit))
                .startsWith("node group ml requests GPUs with explicit resources")
                .contains("set spec.nodeGroups.ml.instanceType");
        assertThat(NodeGroups.problem("ml", gpu)).isNull();
        assertThat(NodeGroups.problem("plain", group("u1.medium"))).isNull();
    }

    @Test
    void aGroupWhoseMachineLabelWouldExceed63CharactersIsRefused() {
        var kubernetes = Fixtures.kubernetes("minimal");
        kubernetes.getMetadata().setName("a-cluster-name-of-exactly-forty-letters0");
        kubernetes.getSpec().nodeGroups.put("group-of-twenty-char", group("u1.medium"));

        var problem = DesiredObjects.problem(new ClusterRelease(kubernetes, Fixtures.TENANT));

        assertThat(problem)
                .contains(
                        "node group group-of-twenty-char of cluster a-cluster-name-of-exactly-forty-letters0 makes the name "
                                + "kubernetes-a-cluster-name-of-exactly-forty-letters0-group-of-twenty-char (72 characters), longer than the 63 "
                                + "Kubernetes allows: use a shorter node group name");
    }

    @Test
    void withoutGroupsTheClusterGetsMd0() {
        var groups = NodeGroups.of(release.kubernetes().getSpec());

        assertThat(groups).containsOnlyKeys("md0");
        var md0 = groups.get("md0");
        assertThat(md0.minReplicas).isZero();
        assertThat(md0.maxReplicas).isEqualTo(10);
        assertThat(md0.instanceType).isEqualTo("u1.medium");
        assertThat(md0.diskSize.toString()).isEqualTo("20Gi");
    }

    private static NodeGroup group(String instanceType) {
        var group = new NodeGroup();
        group.instanceType = instanceType;
        return group;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> object) {
        return (Map<String, Object>) object.get("spec");
    }

    @SuppressWarnings("unchecked")
    private static String infrastructureRefName(NodeGroupObjectsFor objects) {
        var template = (Map<String, Object>)
                spec(objects.machineDeployment().getAdditionalProperties()).get("template");
        var machine = (Map<String, Object>) template.get("spec");
        return (String) ((Map<String, Object>) machine.get("infrastructureRef")).get("name");
    }
}
