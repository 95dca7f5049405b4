package dev.hearth.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The shipped realm on a real Keycloak gives the tokens kube-apiserver and dashboard-backend expect. */
class TestKeycloakIT {
    private static final TestKeycloak keycloak = TestKeycloak.shared();

    static {
        System.out.println(
                "TestKeycloak: started with the realm in " + keycloak.startup().toMillis() + " ms");
    }

    @Test
    void tokensCarryTheUsernameTheGroupsWithoutPathAndTheClientAsAudience() {
        keycloak.createUser("alice", "alice-pw", "tenant-foo-admin", "hearth-cluster-admin");

        JsonNode dashboard =
                TestKeycloak.claims(keycloak.accessToken(TestKeycloak.DASHBOARD_CLIENT, "alice", "alice-pw"));
        assertThat(dashboard.path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(dashboard.path("preferred_username").asText()).isEqualTo("alice");
        assertThat(dashboard.path("sub").asText()).isNotBlank();
        assertThat(dashboard.path("azp").asText()).isEqualTo(TestKeycloak.DASHBOARD_CLIENT);
        assertThat(dashboard.path("aud").toString())
                .contains("\"hearth-dashboard\"")
                .doesNotContain("\"kubernetes\"");
        assertThat(dashboard.path("groups"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("tenant-foo-admin", "hearth-cluster-admin");

        JsonNode kubectl =
                TestKeycloak.claims(keycloak.accessToken(TestKeycloak.KUBERNETES_CLIENT, "alice", "alice-pw"));
        assertThat(kubectl.path("aud").toString()).contains("\"kubernetes\"").doesNotContain("hearth-dashboard");
        assertThat(kubectl.path("groups")).hasSize(2);
    }

    @Test
    void noClientOffersOfflineTokens() {
        keycloak.createUser("bob", "bob-pw");
        for (String client : new String[] {TestKeycloak.KUBERNETES_CLIENT, TestKeycloak.DASHBOARD_CLIENT}) {
            assertThatThrownBy(() -> keycloak.tokenResponse(client, "bob", "bob-pw", "openid offline_access"))
                    .as(client)
                    .hasMessageContaining("invalid_scope");
            JsonNode answer = keycloak.tokenResponse(client, "bob", "bob-pw", "openid");
            assertThat(TestKeycloak.claims(answer.path("refresh_token").asText())
                            .path("typ")
                            .asText())
                    .as(client)
                    .isEqualTo("Refresh");
        }
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        keycloak.createUser("carol", "carol-pw");
        assertThatThrownBy(() -> keycloak.accessToken(TestKeycloak.DASHBOARD_CLIENT, "carol", "wrong"))
                .hasMessageContaining("invalid_grant");
    }
}
