package dev.hearth.catalog.instance;

import static dev.hearth.catalog.instance.HelmReleaseForTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.core.tenant.TenantSubjects;
import dev.hearth.core.testing.YamlFixtures;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

class CredentialsRoleBindingForTest {
    private static final String FIELD_MANAGER = "hearth-apps-catalog";
    private final GenericKubernetesResource main = fixture("postgres-instance.yaml");

    @Test
    void theUseLevelAndAboveOfTheTenantAndItsAncestorsReadThePostgresCredentials() {
        RoleBinding binding = CredentialsRoleBindingFor.desired(main, "oidc:", FIELD_MANAGER);

        assertThat(YamlFixtures.actual("golden/postgres-credentials-rolebinding.yaml", List.of(binding)))
                .isEqualTo(YamlFixtures.golden("golden/postgres-credentials-rolebinding.yaml"));
    }

    @Test
    void itNamesExactlyTheHoldersOfTheUseLevelInADeeperTenant() {
        main.getMetadata().setNamespace("tenant-foo-bar");

        assertThat(CredentialsRoleBindingFor.desired(main, "", FIELD_MANAGER).getSubjects())
                .isEqualTo(TenantSubjects.atOrAbove("tenant-foo-bar", AccessLevel.USE, ""))
                .extracting(s -> s.getName())
                .doesNotContain("tenant-foo-bar-view", "tenant-foo-view", "tenant-root-view")
                .contains("tenant-foo-admin", "tenant-foo-bar-use");
    }
}
