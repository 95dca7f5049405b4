package dev.hearth.catalog.instance;

import static dev.hearth.catalog.instance.HelmReleaseForTest.definition;
import static dev.hearth.catalog.instance.HelmReleaseForTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.api.catalog.Exposes;
import dev.hearth.core.testing.YamlFixtures;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;

class CredentialsRoleForTest {
    private static final String FIELD_MANAGER = "hearth-apps-catalog";
    private final GenericKubernetesResource main = fixture("postgres-instance.yaml");

    @Test
    void aPostgresMayReadItsCredentialsSecretAndGetItsServicesByName() {
        Role role = CredentialsRoleFor.desired(main, definition("postgres"), FIELD_MANAGER)
                .orElseThrow();

        assertThat(YamlFixtures.actual("golden/postgres-credentials-role.yaml", List.of(role)))
                .isEqualTo(YamlFixtures.golden("golden/postgres-credentials-role.yaml"));
    }

    @Test
    void noRuleGrantsListOrLeavesItsNamesOpen() {
        for (String name : List.of("postgres", "redis", "kafka", "rabbitmq", "httpcache", "tcpbalancer")) {
            for (PolicyRule rule : CredentialsRoleFor.desired(main, definition(name), FIELD_MANAGER)
                    .orElseThrow()
                    .getRules()) {
                assertThat(rule.getVerbs()).as(name).doesNotContain("list", "*");
                assertThat(rule.getResourceNames()).as(name).isNotEmpty().noneMatch(String::isBlank);
            }
        }
    }

    @Test
    void onlyServicesExposedMeansOnlyAServicesRule() {
        Role role = CredentialsRoleFor.desired(main, definition("httpcache"), FIELD_MANAGER)
                .orElseThrow();

        assertThat(role.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getResources()).containsExactly("services");
            assertThat(rule.getResourceNames()).containsExactly("http-cache-main");
        });
    }

    @Test
    void nothingExposedMeansNoRole() {
        ApplicationDefinition etcd = definition("etcd");
        assertThat(etcd.getSpec().exposes)
                .as("a tenant module exposes nothing today")
                .isNull();
        assertThat(CredentialsRoleFor.desired(main, etcd, FIELD_MANAGER)).isEmpty();

        ApplicationDefinition blanks = definition("postgres");
        blanks.getSpec().exposes = new Exposes();
        blanks.getSpec().exposes.secrets.add(" ");
        assertThat(CredentialsRoleFor.desired(main, blanks, FIELD_MANAGER)).isEmpty();
    }

    @Test
    void anInstanceOutsideATenantNamespaceGetsNoRole() {
        main.getMetadata().setNamespace("default");

        assertThat(CredentialsRoleFor.desired(main, definition("postgres"), FIELD_MANAGER))
                .isEmpty();
    }
}
