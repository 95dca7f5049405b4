package dev.hearth.tenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.LoopbackPorts;
import dev.hearth.tenant.Tenants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Keycloak configured but not there: the tenant is Ready all the same, and GroupsReady says what failed. */
@QuarkusTest
@TestProfile(KeycloakDownIT.WithKeycloakDown.class)
@QuarkusTestResource(KubeApiServerTestResource.class)
class KeycloakDownIT {

    public static class WithKeycloakDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "hearth.tenant.keycloak.url",
                    "http://127.0.0.1:" + LoopbackPorts.closed(),
                    "hearth.tenant.keycloak.client-secret",
                    "unused");
        }
    }

    @Test
    void aTenantIsReadyWhileItsGroupsCannotBeMade() {
        Tenant foo = Tenants.applyReady("tree/foo.yaml");

        assertThat(ReadyCondition.find(foo.getStatus().conditions, "GroupsReady"))
                .hasValueSatisfying(c -> {
                    assertThat(c.getStatus()).isEqualTo(ReadyCondition.FALSE);
                    assertThat(c.getReason()).isEqualTo("KeycloakUnavailable");
                    assertThat(c.getMessage())
                            .contains("could not create the groups of tenant-foo")
                            .contains("check hearth.tenant.keycloak.*");
                });
    }
}
