package dev.hearth.tenant.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.lineage.TenantPlacement;
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
}
