package dev.hearth.kubernetes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterProblemsTest {
    @Test
    void aTenantWithoutEtcdIsToldToEnableItOnItselfOrAnAncestor() {
        assertThat(ClusterProblems.noEtcd("tenant-foo-bar", "bar"))
                .startsWith("Tenant bar has no etcd")
                .contains("enable etcd (spec.etcd: true) on this tenant or one of its ancestor tenants");
    }

    @Test
    void tenantRootHasNoTenantToEditSoItsSettingIsNamed() {
        assertThat(ClusterProblems.noEtcd("tenant-root", "root"))
                .startsWith("Tenant root has no etcd")
                .contains("hearth.tenant.root.etcd=true")
                .doesNotContain("spec.etcd");
    }
}
