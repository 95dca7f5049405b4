package dev.hearth.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.KeycloakTestResource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKeycloak;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Without prefixes (the API server configured with none), a Keycloak group named {@code system:masters} would make the
 * impersonated user a cluster admin: the backend refuses such a token before it calls the API server. (A username
 * {@code system:...} cannot be made in the realm: Keycloak refuses ':' in usernames; {@code CallerOfTest} covers it.)
 */
@QuarkusTest
@TestProfile(ReservedNamesIT.NoPrefixes.class)
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
@QuarkusTestResource(KeycloakTestResource.class)
class ReservedNamesIT {
    /** A profile of its own, without the test profile's {@code oidc:} prefixes. */
    public static class NoPrefixes implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "no-prefixes";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of();
        }
    }

    @Test
    void aTokenWithASystemGroupIsRefused() {
        TestKeycloak keycloak = TestKeycloak.shared();
        keycloak.createUser("intruder", "intruder-pw", "system:masters");
        String token = keycloak.accessToken(TestKeycloak.DASHBOARD_CLIENT, "intruder", "intruder-pw");
        given().auth()
                .oauth2(token)
                .get("/api/v1/me")
                .then()
                .statusCode(403)
                .body("error", equalTo("identity_refused"))
                .body("message", containsString("system:masters"));
    }

    @Test
    void anOrdinaryUserPassesWithoutPrefixes() {
        TestKeycloak keycloak = TestKeycloak.shared();
        keycloak.createUser("plain", "plain-pw", "tenant-foo-view");
        given().auth()
                .oauth2(keycloak.accessToken(TestKeycloak.DASHBOARD_CLIENT, "plain", "plain-pw"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("kubernetesUsername", equalTo("plain"))
                .body("kubernetesGroups[0]", equalTo("tenant-foo-view"));
    }
}
