package dev.hearth.kubernetes.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.hearth.kubernetes.cluster.Fixtures;
import dev.hearth.kubernetes.release.ClusterRelease;
import dev.hearth.kubernetes.release.ClusterSettings;
import io.fabric8.kubernetes.api.model.rbac.Subject;

/** The whole objects are in the golden files of DesiredObjectsTest; here, what they mean. */
class AdminKubeconfigReaderForTest {
    private static final ClusterRelease DEV = new ClusterRelease(Fixtures.kubernetes("minimal"), Fixtures.TENANT);

    @Test
    void theRoleReadsTheAdminKubeconfigByNameOnly() {
        var rule = AdminKubeconfigReaderRoleFor.desired(DEV).getRules().get(0);

        assertThat(rule.getResources()).containsExactly("secrets");
        assertThat(rule.getResourceNames()).containsExactly("kubernetes-dev-admin-kubeconfig");
        assertThat(rule.getVerbs()).containsExactly("get");
    }

    @Test
    void theAdminsOfTheTenantAndItsAncestorsHoldIt() {
        var settings = new ClusterSettings(
                Fixtures.SETTINGS.nodeImage(),
                Fixtures.SETTINGS.autoscalerImage(),
                Fixtures.SETTINGS.addonChartSource(),
                "oidc:");

        var binding = AdminKubeconfigReaderBindingFor.desired(DEV, settings);

        assertThat(binding.getRoleRef().getName()).isEqualTo("kubernetes-dev-admin-kubeconfig-reader");
        assertThat(binding.getSubjects())
                .extracting(Subject::getName)
                .containsExactly(
                        "oidc:tenant-root-admin",
                        "oidc:tenant-root-super-admin",
                        "tenant-root",
                        "oidc:tenant-acme-admin",
                        "oidc:tenant-acme-super-admin",
                        "tenant-acme");
    }
}
