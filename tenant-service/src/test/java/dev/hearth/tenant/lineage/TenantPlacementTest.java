package dev.hearth.tenant.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.tenant.TenantServices;
import dev.hearth.core.naming.InvalidTenantNameException;
import dev.hearth.tenant.Tenants;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

class TenantPlacementTest {
    private static final TenantPlacement ROOT = TenantPlacement.root("example.org", true, false, true, false);

    @Test
    void rootRunsWhatItsConfigurationSays() {
        assertThat(ROOT.namespace()).isEqualTo("tenant-root");
        assertThat(ROOT.path()).containsExactly("tenant-root");
        assertThat(ROOT.services())
                .usingRecursiveComparison()
                .isEqualTo(new TenantServices("tenant-root", null, "tenant-root", null));
        assertThat(NamespaceFor.desired(ROOT).getMetadata().getLabels())
                .containsOnly(
                        entry("app.kubernetes.io/managed-by", "hearth-tenant-service"),
                        entry("pod-security.kubernetes.io/enforce", "baseline"),
                        entry("pod-security.kubernetes.io/warn", "baseline"),
                        entry("pod-security.kubernetes.io/audit", "restricted"),
                        entry("hearth.dev/tenant", "tenant-root"),
                        entry("tenant.hearth.dev/tenant-root", ""),
                        entry("hearth.dev/no-delete", "true"));
    }

    @Test
    void aChildInheritsFromTheNearestAncestorThatRunsEachService() {
        TenantPlacement foo = TenantPlacement.childOf(ROOT, Tenants.fixture("tree/foo.yaml"));
        TenantPlacement bar = TenantPlacement.childOf(foo, Tenants.fixture("tree/bar.yaml"));

        assertThat(foo.services())
                .usingRecursiveComparison()
                .isEqualTo(new TenantServices("tenant-foo", "tenant-foo", "tenant-root", null));
        assertThat(bar.namespace()).isEqualTo("tenant-foo-bar");
        assertThat(bar.parentNamespace()).isEqualTo("tenant-foo");
        assertThat(bar.path()).containsExactly("tenant-root", "tenant-foo", "tenant-foo-bar");
        assertThat(bar.ancestors()).containsExactly("tenant-root", "tenant-foo");
        assertThat(bar.host()).isEqualTo("bar.foo.example.org");
        assertThat(bar.services())
                .usingRecursiveComparison()
                .isEqualTo(new TenantServices("tenant-foo", "tenant-foo", "tenant-root", "tenant-foo-bar"));
        assertThat(NamespaceFor.desired(bar).getMetadata().getLabels())
                .containsOnly(
                        entry("app.kubernetes.io/managed-by", "hearth-tenant-service"),
                        entry("pod-security.kubernetes.io/enforce", "baseline"),
                        entry("pod-security.kubernetes.io/warn", "baseline"),
                        entry("pod-security.kubernetes.io/audit", "restricted"),
                        entry("hearth.dev/tenant", "tenant-foo-bar"),
                        entry("hearth.dev/parent", "tenant-foo"),
                        entry("tenant.hearth.dev/tenant-root", ""),
                        entry("tenant.hearth.dev/tenant-foo", ""),
                        entry("tenant.hearth.dev/tenant-foo-bar", ""));
    }

    @Test
    void anExplicitHostWins() {
        assertThat(TenantPlacement.childOf(ROOT, Tenants.fixture("tree/baz.yaml"))
                        .host())
                .isEqualTo("baz.example.net");
    }

    @Test
    void aNameThatBreaksTheNamingRuleIsRefusedWithTheReason() {
        Tenant dashed = new Tenant();
        dashed.setMetadata(new ObjectMetaBuilder()
                .withName("my-team")
                .withNamespace("tenant-root")
                .build());

        assertThatThrownBy(() -> TenantPlacement.childOf(ROOT, dashed))
                .isInstanceOf(InvalidTenantNameException.class)
                .hasMessage(
                        "Tenant name 'my-team' must start with a lowercase letter and contain only lowercase letters and digits (no dashes)");
    }
}
