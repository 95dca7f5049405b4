package dev.hearth.tenant.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.core.tenant.ReleaseServiceAccount;
import dev.hearth.core.testing.YamlFixtures;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;

/** The release role is exactly golden/release-cluster-role.yaml, and nothing in it reaches beyond a namespace. */
class ReleaseClusterRoleForTest {
    private static final ClusterRole ROLE = ReleaseClusterRoleFor.desired("tenant-service");

    @Test
    void isTheGoldenRole() {
        String path = "golden/release-cluster-role.yaml";
        assertThat(YamlFixtures.actual(path, List.of(ROLE)))
                .as("actual in target/golden-actual/%s", path)
                .containsExactlyElementsOf(YamlFixtures.golden(path));
    }

    @Test
    void namesEveryResourceAndVerbAndNothingThatEscalatesOrLeavesTheNamespace() {
        assertThat(ROLE.getAggregationRule()).isNull();
        for (PolicyRule rule : ROLE.getRules()) {
            assertThat(rule.getApiGroups()).as("%s", rule).singleElement().isNotEqualTo("*");
            assertThat(rule.getApiGroups())
                    .as("no RBAC, no admission or webhook configuration, no CRDs")
                    .doesNotContain(
                            "rbac.authorization.k8s.io",
                            "admissionregistration.k8s.io",
                            "apiextensions.k8s.io",
                            "certificates.k8s.io",
                            "kamaji.clastix.io");
            assertThat(rule.getResources())
                    .as("%s", rule)
                    .isNotEmpty()
                    .noneMatch(r -> r.contains("*") || r.contains("/"))
                    .doesNotContain("namespaces", "nodes", "persistentvolumes", "pods", "serviceaccounts");
            assertThat(rule.getVerbs())
                    .as("%s", rule)
                    .containsExactlyElementsOf(
                            rule.getResources().equals(List.of("replicasets"))
                                    ? ReleaseServiceAccount.READ
                                    : ReleaseServiceAccount.VERBS)
                    .doesNotContain("*", "bind", "escalate", "impersonate", "deletecollection");
            assertThat(rule.getResourceNames()).isNullOrEmpty();
            assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
        }
    }
}
