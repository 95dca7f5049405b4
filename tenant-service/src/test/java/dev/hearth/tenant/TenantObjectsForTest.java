package dev.hearth.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.testing.YamlFixtures;
import dev.hearth.tenant.lineage.TenantPlacement;
import dev.hearth.tenant.modules.TenantModule;
import dev.hearth.tenant.network.TenantNetwork;

/**
 * Given a tenant (fixtures/...), these exact objects exist (golden/&lt;case&gt;.yaml; the actual ones are written to
 * target/golden-actual/golden/&lt;case&gt;.yaml).
 */
class TenantObjectsForTest {
    /** tenant-root as the tests configure it: it runs etcd and monitoring itself. */
    private static final TenantPlacement ROOT = TenantPlacement.root("example.org", true, false, true, false);

    @Test
    void theRoot() {
        assertGolden(
                "root",
                TenantObjectsFor.desired(ROOT, TenantNetwork.defaults(), Map.of(), "", List.of(), Optional.empty()));
    }

    @Test
    void aChildOfTheRootWithItsOwnHost() {
        Tenant baz = Tenants.fixture("tree/baz.yaml");

        assertGolden("child", desired(TenantPlacement.childOf(ROOT, baz), baz, "oidc:"));
    }

    @Test
    void aGrandchildWithQuota() {
        Tenant pool = Tenants.fixture("quota/pool.yaml");
        Tenant first = Tenants.fixture("quota/first.yaml");
        TenantPlacement placement = TenantPlacement.childOf(TenantPlacement.childOf(ROOT, pool), first);

        assertGolden("grandchild-with-quota", desired(placement, first, ""));
    }

    @Test
    void aTenantWithModulesOn() {
        Tenant foo = Tenants.fixture("tree/foo.yaml");

        assertGolden("modules-on", desired(TenantPlacement.childOf(ROOT, foo), foo, ""));
    }

    private static TenantObjectsFor desired(TenantPlacement placement, Tenant tenant, String groupPrefix) {
        return TenantObjectsFor.desired(
                placement,
                TenantNetwork.defaults(),
                tenant.getSpec().resourceQuotas,
                groupPrefix,
                TenantModule.requestedBy(tenant.getSpec()),
                Optional.empty());
    }

    private static void assertGolden(String name, TenantObjectsFor desired) {
        String path = "golden/" + name + ".yaml";
        assertThat(YamlFixtures.actual(path, desired.all()))
                .as("objects of %s (actual in target/golden-actual/%s)", name, path)
                .containsExactlyElementsOf(YamlFixtures.golden(path));
    }
}
