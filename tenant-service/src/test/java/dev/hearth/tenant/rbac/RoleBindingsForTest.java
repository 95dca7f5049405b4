package dev.hearth.tenant.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

class RoleBindingsForTest {
    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final TenantPlacement ROOT = TenantPlacement.root("example.org", false, false, false, false);
    private static final TenantPlacement BAR = TenantPlacement.childOf(
            TenantPlacement.childOf(ROOT, Tenants.fixture("tree/foo.yaml")), Tenants.fixture("tree/bar.yaml"));

    @Test
    void eachLevelIsGrantedToThatLevelAndAboveOfTheTenantAndEveryAncestor() throws Exception {
        List<RoleBinding> bindings = RoleBindingsFor.desired(BAR, "oidc:");

        assertThat(bindings)
                .extracting(b -> b.getMetadata().getName())
                .containsExactly(
                        "hearth:tenant:view", "hearth:tenant:use", "hearth:tenant:admin", "hearth:tenant:super-admin");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/rbac/bar-admin-rolebinding.yaml")) {
            assertThat(bindings.get(2)).isEqualTo(YAML.unmarshal(in, RoleBinding.class));
        }
        assertThat(bindings.get(0).getSubjects()).hasSize(3 * (4 + 1));
        assertThat(bindings.get(3).getSubjects())
                .extracting(s -> s.getName())
                .containsExactly(
                        "oidc:tenant-root-super-admin",
                        "tenant-root",
                        "oidc:tenant-foo-super-admin",
                        "tenant-foo",
                        "oidc:tenant-foo-bar-super-admin",
                        "tenant-foo-bar");
    }

    @Test
    void theRootBindsOnlyItsOwnGroupsWithoutPrefixByDefault() {
        assertThat(RoleBindingsFor.desired(ROOT, "").get(1).getSubjects())
                .extracting(s -> s.getName())
                .containsExactly("tenant-root-use", "tenant-root-admin", "tenant-root-super-admin", "tenant-root");
    }

    @Test
    void eachRoleIncludesTheOneBelowAndOnlySuperAdminManagesTenants() {
        List<ClusterRole> roles = ClusterRolesFor.desired("tenant-service");
        assertThat(roles)
                .extracting(r -> r.getMetadata().getName())
                .containsExactly(
                        "hearth:tenant:view", "hearth:tenant:use", "hearth:tenant:admin", "hearth:tenant:super-admin");
        for (int i = 1; i < roles.size(); i++) {
            assertThat(roles.get(i).getRules())
                    .containsAll(roles.get(i - 1).getRules())
                    .hasSizeGreaterThan(roles.get(i - 1).getRules().size());
        }
        assertThat(roles.get(2).getMetadata().getLabels())
                .containsOnlyKeys(
                        "app.kubernetes.io/managed-by",
                        "rbac.hearth.dev/aggregate-to-tenant-admin",
                        "rbac.hearth.dev/aggregate-to-tenant-super-admin");
        for (ClusterRole belowSuperAdmin : roles.subList(0, 3)) {
            assertThat(belowSuperAdmin.getRules()).noneMatch(RoleBindingsForTest::writesTenants);
        }
        assertThat(roles.get(3).getRules()).anyMatch(RoleBindingsForTest::writesTenants);
    }

    private static boolean writesTenants(PolicyRule rule) {
        return rule.getApiGroups().contains("apps.hearth.dev")
                && (rule.getResources().contains("tenants")
                        || rule.getResources().contains("*"))
                && (rule.getVerbs().contains("create") || rule.getVerbs().contains("*"));
    }
}
