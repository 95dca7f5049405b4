package dev.hearth.tenant.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.tenant.AccessLevel;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;

class ClusterRolesForTest {
    private static final List<ClusterRole> ROLES = ClusterRolesFor.desired("tenant-service");

    @Test
    void noRuleUsesAWildcardOrGrantsAStatusSubresource() {
        List<PolicyRule> rules =
                ROLES.stream().flatMap(r -> r.getRules().stream()).toList();
        assertThat(rules).isNotEmpty();
        for (PolicyRule rule : rules) {
            assertThat(rule.getApiGroups()).as("%s", rule).doesNotContain("*");
            assertThat(rule.getResources()).as("%s", rule).isNotEmpty().doesNotContain("*");
            assertThat(rule.getVerbs()).as("%s", rule).isNotEmpty().doesNotContain("*");
            assertThat(rule.getResources()).as("%s", rule).noneMatch(r -> r.endsWith("/status") || r.startsWith("*/"));
            assertThat(rule.getNonResourceURLs()).as("%s", rule).isNullOrEmpty();
        }
    }

    @Test
    void eachLevelAggregatesTheOwnRolesOfItselfAndTheLevelsBelow() {
        assertThat(ROLES)
                .extracting(r -> r.getMetadata().getName())
                .containsExactly(
                        "hearth:tenant:view:own",
                        "hearth:tenant:view",
                        "hearth:tenant:use:own",
                        "hearth:tenant:use",
                        "hearth:tenant:admin:own",
                        "hearth:tenant:admin",
                        "hearth:tenant:super-admin:own",
                        "hearth:tenant:super-admin");
        for (AccessLevel level : AccessLevel.values()) {
            ClusterRole role = role(level.clusterRoleName());
            assertThat(role.getRules())
                    .as("rules are the aggregation controller's")
                    .isEmpty();
            assertThat(role.getAggregationRule().getClusterRoleSelectors())
                    .singleElement()
                    .satisfies(s -> assertThat(s.getMatchLabels())
                            .containsExactly(Map.entry("rbac.hearth.dev/aggregate-to-tenant-" + level.id(), "true")));
            assertThat(role.getMetadata().getLabels()).containsOnlyKeys("app.kubernetes.io/managed-by");
        }
        assertThat(role("hearth:tenant:admin:own").getMetadata().getLabels())
                .containsOnlyKeys(
                        "app.kubernetes.io/managed-by",
                        "rbac.hearth.dev/aggregate-to-tenant-admin",
                        "rbac.hearth.dev/aggregate-to-tenant-super-admin");
        assertThat(role("hearth:tenant:view:own").getMetadata().getLabels())
                .containsKeys(
                        "rbac.hearth.dev/aggregate-to-tenant-view",
                        "rbac.hearth.dev/aggregate-to-tenant-use",
                        "rbac.hearth.dev/aggregate-to-tenant-admin",
                        "rbac.hearth.dev/aggregate-to-tenant-super-admin");
        assertThat(role("hearth:tenant:super-admin:own").getMetadata().getLabels())
                .containsOnlyKeys("app.kubernetes.io/managed-by", "rbac.hearth.dev/aggregate-to-tenant-super-admin");
    }

    @Test
    void onlySuperAdminWritesTenantsAndTenantModules() {
        for (AccessLevel level : List.of(AccessLevel.VIEW, AccessLevel.USE, AccessLevel.ADMIN)) {
            assertThat(ClusterRolesFor.rulesIncludingBelow(level))
                    .as(level.id())
                    .noneMatch(rule -> writes(rule, "tenants") || writes(rule, "etcds"));
        }
        assertThat(role("hearth:tenant:super-admin:own").getRules())
                .anyMatch(rule -> writes(rule, "tenants"))
                .anyMatch(rule -> writes(rule, "etcds"));
        assertThat(role("hearth:tenant:admin:own").getRules()).anyMatch(rule -> writes(rule, "postgreses"));
        assertThat(role("hearth:tenant:view:own").getRules())
                .anyMatch(rule -> rule.getApiGroups().contains("apps.hearth.dev")
                        && rule.getResources().containsAll(List.of("tenants", "kuberneteses", "vminstances"))
                        && rule.getVerbs().equals(List.of("get", "list", "watch")));
    }

    private static boolean writes(PolicyRule rule, String resource) {
        return rule.getApiGroups().contains("apps.hearth.dev")
                && rule.getResources().contains(resource)
                && rule.getVerbs().contains("create");
    }

    private static ClusterRole role(String name) {
        return ROLES.stream()
                .filter(r -> r.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
