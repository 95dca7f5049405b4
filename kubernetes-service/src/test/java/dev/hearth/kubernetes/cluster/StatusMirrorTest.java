package dev.hearth.kubernetes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.kubernetes.KubernetesStatus;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.kubernetes.release.ClusterRelease;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

class StatusMirrorTest {
    private final StatusMirror mirror =
            new StatusMirror(new ReadyCondition(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)));
    private final ClusterRelease release = new ClusterRelease(Fixtures.kubernetes("minimal"), Fixtures.TENANT);

    @Test
    void aProvisionedClusterWithAReadyControlPlaneIsReady() {
        var cluster = object(
                "Cluster",
                "kubernetes-dev",
                Map.of(
                        "spec",
                                Map.of(
                                        "controlPlaneEndpoint",
                                        Map.of("host", "kubernetes-dev.acme.example.org", "port", 443)),
                        "status",
                                Map.of(
                                        "phase",
                                        "Provisioned",
                                        "controlPlaneReady",
                                        true,
                                        "conditions",
                                        List.of(
                                                Map.of(
                                                        "type",
                                                        "Ready",
                                                        "status",
                                                        "True",
                                                        "lastTransitionTime",
                                                        "2026-01-01T00:00:00Z"),
                                                Map.of(
                                                        "type",
                                                        "ControlPlaneReady",
                                                        "status",
                                                        "True",
                                                        "lastTransitionTime",
                                                        "2026-01-01T00:00:00Z")))));
        var controlPlane = object(
                "KamajiControlPlane",
                "kubernetes-dev",
                Map.of("status", Map.of("version", "v1.35.6", "ready", true, "replicas", 2, "readyReplicas", 2)));
        var md0 = object(
                "MachineDeployment", "kubernetes-dev-md0", Map.of("status", Map.of("replicas", 3, "readyReplicas", 2)));
        var status = new KubernetesStatus();

        mirror.mirror(
                release,
                new StatusMirror.Observed(Optional.of(cluster), Optional.of(controlPlane), List.of(md0)),
                status);

        assertThat(status.phase).isEqualTo("Provisioned");
        assertThat(status.version).isEqualTo("v1.35.6");
        assertThat(status.apiEndpoint).isEqualTo("https://kubernetes-dev.acme.example.org");
        assertThat(status.kubeconfigSecret).isEqualTo("kubernetes-dev-admin-kubeconfig");
        assertThat(status.nodeGroups.get("md0").replicas).isEqualTo(3);
        assertThat(status.nodeGroups.get("md0").readyReplicas).isEqualTo(2);
        assertThat(status.conditions).extracting(Condition::getType).containsExactly("Ready", "ControlPlaneReady");
        assertThat(status.conditions.get(0).getStatus()).isEqualTo("True");
        assertThat(status.conditions.get(0).getReason()).isEqualTo("ClusterReady");
        assertThat(status.conditions.get(0).getMessage())
                .isEqualTo("Control plane v1.35.6 is ready at https://kubernetes-dev.acme.example.org;"
                        + " the admin kubeconfig is in Secret kubernetes-dev-admin-kubeconfig");
    }

    @Test
    void aClusterStillProvisioningSaysWhatItWaitsFor() {
        var cluster = object("Cluster", "kubernetes-dev", Map.of("status", Map.of("phase", "Provisioning")));
        var controlPlane = object(
                "KamajiControlPlane", "kubernetes-dev", Map.of("status", Map.of("replicas", 2, "readyReplicas", 1)));
        var status = new KubernetesStatus();

        mirror.mirror(
                release, new StatusMirror.Observed(Optional.of(cluster), Optional.of(controlPlane), List.of()), status);

        var ready = status.conditions.get(0);
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("Provisioning");
        assertThat(ready.getMessage())
                .isEqualTo("Cluster API reports phase Provisioning; control plane 1/2 replicas ready");
        assertThat(status.apiEndpoint)
                .as("through the tenant ingress until Kamaji sets the endpoint")
                .isEqualTo("https://kubernetes-dev.acme.example.org");
    }

    @Test
    void aFailedClusterCarriesTheFailureMessage() {
        var cluster = object(
                "Cluster",
                "kubernetes-dev",
                Map.of("status", Map.of("phase", "Failed", "failureMessage", "control plane endpoint unreachable")));
        var status = new KubernetesStatus();

        mirror.mirror(release, new StatusMirror.Observed(Optional.of(cluster), Optional.empty(), List.of()), status);

        assertThat(status.conditions.get(0).getReason()).isEqualTo("ClusterFailed");
        assertThat(status.conditions.get(0).getMessage())
                .isEqualTo("Cluster API reports Cluster kubernetes-dev failed: control plane endpoint unreachable");
    }

    @Test
    void conditionsClusterApiNoLongerReportsDisappear() {
        var status = new KubernetesStatus();
        var withCondition = object(
                "Cluster",
                "kubernetes-dev",
                Map.of(
                        "status",
                        Map.of(
                                "phase",
                                "Provisioning",
                                "conditions",
                                List.of(Map.of(
                                        "type",
                                        "InfrastructureReady",
                                        "status",
                                        "False",
                                        "reason",
                                        "WaitingForInfrastructure",
                                        "lastTransitionTime",
                                        "2026-01-01T00:00:00Z")))));
        mirror.mirror(
                release, new StatusMirror.Observed(Optional.of(withCondition), Optional.empty(), List.of()), status);
        assertThat(status.conditions).extracting(Condition::getType).containsExactly("Ready", "InfrastructureReady");

        var without = object("Cluster", "kubernetes-dev", Map.of("status", Map.of("phase", "Provisioning")));
        mirror.mirror(release, new StatusMirror.Observed(Optional.of(without), Optional.empty(), List.of()), status);

        assertThat(status.conditions).extracting(Condition::getType).containsExactly("Ready");
    }

    private static GenericKubernetesResource object(String kind, String name, Map<String, Object> content) {
        var resource = new GenericKubernetesResource();
        resource.setKind(kind);
        resource.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace("tenant-acme")
                .build());
        content.forEach(resource::setAdditionalProperty);
        return resource;
    }
}
