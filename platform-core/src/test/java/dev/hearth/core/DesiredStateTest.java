package dev.hearth.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;

class DesiredStateTest {

    @Test
    void anObjectWithWhatTheServerAddsSatisfiesTheDesiredOne() {
        RoleBinding desired = binding(Map.of("app.kubernetes.io/managed-by", "hearth"), "tenant-foo-admin");
        RoleBinding actual =
                binding(Map.of("app.kubernetes.io/managed-by", "hearth", "added-by", "someone"), "tenant-foo-admin");
        actual.getMetadata().setResourceVersion("42");
        actual.getMetadata().setUid("0b1c");
        actual.getSubjects().get(0).setNamespace("ignored-by-rbac");

        assertThat(DesiredState.satisfiedBy(desired, actual)).isTrue();
    }

    @Test
    void aChangedValueAMissingLabelOrAnotherListLengthIsADifference() {
        RoleBinding desired = binding(Map.of("app.kubernetes.io/managed-by", "hearth"), "tenant-foo-admin");

        assertThat(DesiredState.satisfiedBy(
                        desired, binding(Map.of("app.kubernetes.io/managed-by", "hearth"), "tenant-foo-view")))
                .isFalse();
        assertThat(DesiredState.satisfiedBy(desired, binding(Map.of(), "tenant-foo-admin")))
                .isFalse();
        RoleBinding extraSubject = binding(Map.of("app.kubernetes.io/managed-by", "hearth"), "tenant-foo-admin");
        extraSubject.getSubjects().add(extraSubject.getSubjects().get(0));
        assertThat(DesiredState.satisfiedBy(desired, extraSubject)).isFalse();
        assertThat(DesiredState.satisfiedBy(desired, null)).isFalse();
    }

    @Test
    void anEmptySelectorMeansEverythingSoNarrowingItIsADifference() {
        NetworkPolicy desired = policy(new LabelSelector());

        assertThat(DesiredState.satisfiedBy(desired, policy(new LabelSelector())))
                .isTrue();
        assertThat(DesiredState.satisfiedBy(
                        desired,
                        policy(new LabelSelectorBuilder()
                                .addToMatchLabels("app", "x")
                                .build())))
                .isFalse();
    }

    @Test
    void numbersCompareByValue() {
        assertThat(DesiredState.contained(Map.of("port", 53), Map.of("port", 53L, "protocol", "UDP")))
                .isTrue();
        assertThat(DesiredState.contained(Map.of("port", 53), Map.of("port", 54)))
                .isFalse();
        assertThat(DesiredState.contained(List.of(), null)).isTrue();
    }

    private static RoleBinding binding(Map<String, String> labels, String group) {
        return new RoleBindingBuilder()
                .withNewMetadata()
                .withName("admin")
                .withNamespace("tenant-foo")
                .withLabels(labels)
                .endMetadata()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole")
                .withName("hearth:tenant:admin")
                .endRoleRef()
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Group")
                .withName(group)
                .endSubject()
                .build();
    }

    private static NetworkPolicy policy(LabelSelector podSelector) {
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName("ingress")
                .withNamespace("tenant-foo")
                .endMetadata()
                .withNewSpec()
                .withPodSelector(podSelector)
                .withPolicyTypes("Ingress")
                .addNewIngress()
                .addNewFrom()
                .withPodSelector(podSelector)
                .endFrom()
                .endIngress()
                .endSpec()
                .build();
    }
}
