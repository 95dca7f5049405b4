package dev.hearth.tenant.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

class ModuleInstanceForTest {

    @Test
    void theFlagsOfASpecSelectItsModules() {
        var foo = Tenants.fixture("tree/foo.yaml").getSpec();

        assertThat(Arrays.stream(TenantModule.values()).filter(m -> m.wantedBy(foo)))
                .containsExactly(TenantModule.ETCD, TenantModule.INGRESS);
    }

    @Test
    void aModuleIsOneInstanceOfItsKindInTheTenantNamespace() {
        TenantPlacement foo = TenantPlacement.childOf(
                TenantPlacement.root("example.org", false, false, false, false), Tenants.fixture("tree/foo.yaml"));

        GenericKubernetesResource seaweedfs = ModuleInstanceFor.desired(foo, TenantModule.SEAWEEDFS);

        assertThat(seaweedfs.getApiVersion()).isEqualTo("apps.hearth.dev/v1alpha1");
        assertThat(seaweedfs.getKind()).isEqualTo("SeaweedFS");
        assertThat(seaweedfs.getMetadata().getName()).isEqualTo("seaweedfs");
        assertThat(seaweedfs.getMetadata().getNamespace()).isEqualTo("tenant-foo");
        assertThat(seaweedfs.getMetadata().getLabels())
                .containsOnly(
                        entry("app.kubernetes.io/managed-by", "hearth-tenant-service"),
                        entry("hearth.dev/tenant", "tenant-foo"),
                        entry("apps.hearth.dev/tenant-module", "true"));
        assertThat(seaweedfs.getAdditionalProperties()).containsOnly(entry("spec", Map.of()));
    }
}
