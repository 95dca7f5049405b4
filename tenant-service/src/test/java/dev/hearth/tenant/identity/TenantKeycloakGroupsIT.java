package dev.hearth.tenant.identity;

import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKeycloak;
import dev.hearth.tenant.Tenants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With Keycloak configured, a tenant's four groups appear in the real Keycloak through the realm's
 * {@code hearth-tenant-service} client (its service account's roles as the shipped realm grants them), and go with
 * the tenant.
 */
@QuarkusTest
@TestProfile(TenantKeycloakGroupsIT.WithKeycloak.class)
@QuarkusTestResource(KubeApiServerTestResource.class)
class TenantKeycloakGroupsIT {
    private static final String CLIENT = "hearth-tenant-service";

    public static class WithKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            TestKeycloak keycloak = TestKeycloak.shared();
            return Map.of(
                    "hearth.tenant.keycloak.url", keycloak.baseUrl(),
                    "hearth.tenant.keycloak.client-id", CLIENT,
                    "hearth.tenant.keycloak.client-secret", keycloak.clientSecret(CLIENT));
        }
    }

    @Test
    void tenantRootHasItsGroupsToo() {
        await().atMost(Tenants.TIMEOUT)
                .untilAsserted(() -> assertThat(TestKeycloak.shared().groupNames("tenant-root-"))
                        .containsExactlyInAnyOrder(
                                "tenant-root-view", "tenant-root-use", "tenant-root-admin", "tenant-root-super-admin"));
    }

    @Test
    void aTenantsGroupsAreMadeInKeycloakAndDeletedWithIt() {
        Tenant foo = Tenants.applyReady("tree/foo.yaml");

        assertThat(ReadyCondition.find(foo.getStatus().conditions, "GroupsReady"))
                .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo("GroupsInKeycloak"));
        assertThat(TestKeycloak.shared().groupNames("tenant-foo-"))
                .containsExactlyInAnyOrder(
                        "tenant-foo-view", "tenant-foo-use", "tenant-foo-admin", "tenant-foo-super-admin");

        client().resource(foo).delete();
        await().atMost(Tenants.TIMEOUT)
                .until(() -> TestKeycloak.shared().groupNames("tenant-foo-").isEmpty());
    }
}
