package dev.hearth.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.KeycloakTestResource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKeycloak;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Which tokens the backend accepts: only the realm's, for the dashboard, unexpired, correctly signed. */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
@QuarkusTestResource(KeycloakTestResource.class)
class TokenValidationIT {
    @BeforeAll
    static void users() throws Exception {
        RealTenants.ensure();
    }

    @Test
    void aValidTokenIsAccepted() {
        given().auth()
                .oauth2(RealTenants.token("foo-admin"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("foo-admin"));
    }

    @Test
    void aTokenAskedAgainIsVerifiedOnceAndAForgedCopyIsNotServedFromIt() throws Exception {
        String token = RealTenants.token("foo-admin");
        double verified = tokens("verified");
        double cached = tokens("cached");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        }
        assertThat(tokens("verified")).isEqualTo(verified + 1);
        assertThat(tokens("cached")).isEqualTo(cached + 2);
        // the same claims under another signature: a different token, verified (and refused), not a cache hit
        String[] parts = token.split("\\.");
        String resigned = parts[0] + "." + parts[1] + "." + forgedSignature(parts[0] + "." + parts[1]);
        given().auth().oauth2(resigned).get("/api/v1/me").then().statusCode(401);
        assertThat(tokens("cached")).isEqualTo(cached + 2);
    }

    /** The backend's count of accepted bearer tokens by result (verified by quarkus-oidc, or cached). */
    private static double tokens(String result) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile(
                        "^hearth_dashboard_tokens_total\\{result=\"" + result + "\"} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    @Test
    void anExpiredTokenIsRefusedWithItsOwnBody() throws InterruptedException {
        String token =
                TestKeycloak.shared().accessToken(TestKeycloak.SHORT_LIVED_CLIENT, "foo-admin", RealTenants.PASSWORD);
        // accepted while valid: the client differs from the dashboard's only in its tokens' lifespan
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        Thread.sleep(TestKeycloak.SHORT_LIFESPAN.plusSeconds(2).toMillis());
        given().auth()
                .oauth2(token)
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error", equalTo("token_expired"))
                .body("message", containsString("expired"));
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
        String[] real = RealTenants.token("foo-admin").split("\\.");
        // the same header (kid) and claims, signed with a key that is not the realm's
        String forged = real[0] + "." + real[1] + "." + forgedSignature(real[0] + "." + real[1]);
        given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    /** An RS256 signature of {@code signed} by a key that is not the realm's. */
    private static String forgedSignature(String signed) throws Exception {
        var pair = KeyPairGenerator.getInstance("RSA");
        pair.initialize(2048);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(pair.generateKeyPair().getPrivate());
        rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String kubectl =
                TestKeycloak.shared().accessToken(TestKeycloak.KUBERNETES_CLIENT, "foo-admin", RealTenants.PASSWORD);
        given().auth().oauth2(kubectl).get("/api/v1/me").then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void noTokenOrGarbageIsA401NotA500() {
        given().get("/api/v1/me").then().statusCode(401).body("error", equalTo("missing_token"));
        for (String garbage : new String[] {"abc", "a.b.c", "eyJ.eyJ.x", "%%%", "x".repeat(20_000)}) {
            given().header("Authorization", "Bearer " + garbage)
                    .get("/api/v1/me")
                    .then()
                    .statusCode(401)
                    .body("error", equalTo("invalid_token"))
                    .body(not(containsString("Exception")));
        }
        given().header("Authorization", "Basic Zm9vOmJhcg==")
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .body("error", equalTo("missing_token"));
    }
}
