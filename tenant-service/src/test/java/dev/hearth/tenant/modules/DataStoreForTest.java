package dev.hearth.tenant.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.YamlFixtures;
import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

/**
 * The DataStore of a tenant running etcd is exactly what the etcd chart rendered (golden/datastore/&lt;case&gt;.yaml;
 * the actual ones are written to target/golden-actual/golden/datastore/&lt;case&gt;.yaml).
 */
class DataStoreForTest {
    private static final TenantPlacement ROOT = TenantPlacement.root("example.org", true, false, true, false);

    @Test
    void aTenantRunningEtcdGetsTheDataStoreOfItsEtcdRelease() {
        TenantPlacement foo = TenantPlacement.childOf(ROOT, Tenants.fixture("tree/foo.yaml"));

        assertThat(DataStoreFor.wanted(foo)).isTrue();
        assertGolden(
                "foo",
                DataStoreFor.ownedBy(
                        DataStoreFor.desired(foo),
                        new NamespaceBuilder()
                                .withNewMetadata()
                                .withName("tenant-foo")
                                .withUid("4f2b3c1e-0000-4000-8000-000000000001")
                                .endMetadata()
                                .build()));
    }

    @Test
    void theReleaseIsNamedAsAppsCatalogNamesTheEtcdModuleInstance() {
        assertThat(TenantModule.ETCD.releaseName()).isEqualTo("etcd-etcd");
    }

    @Test
    void tenantRootRunsEtcdWhenConfiguredTo() {
        assertThat(DataStoreFor.ifWanted(ROOT))
                .hasValueSatisfying(
                        store -> assertThat(store.getMetadata().getName()).isEqualTo("tenant-root"));
        assertThat(DataStoreFor.ifWanted(TenantPlacement.root("example.org", false, false, false, false)))
                .isEmpty();
    }

    @Test
    void aTenantInheritingEtcdGetsNone() {
        TenantPlacement baz = TenantPlacement.childOf(ROOT, Tenants.fixture("tree/baz.yaml"));

        assertThat(baz.services().etcd).isEqualTo("tenant-root");
        assertThat(DataStoreFor.ifWanted(baz)).isEmpty();
    }

    private static void assertGolden(String name, Object actual) {
        String path = "golden/datastore/" + name + ".yaml";
        assertThat(YamlFixtures.actual(path, List.of(actual)))
                .as("DataStore of %s (actual in target/golden-actual/%s)", name, path)
                .containsExactlyElementsOf(YamlFixtures.golden(path));
    }
}
