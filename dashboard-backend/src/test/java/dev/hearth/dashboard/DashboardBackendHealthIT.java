package dev.hearth.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.KeycloakTestResource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.ServiceHealthContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
@QuarkusTestResource(KeycloakTestResource.class)
class DashboardBackendHealthIT extends ServiceHealthContract {
    /** Ready means Keycloak's keys are loaded too: without them no request could be authenticated. */
    @Test
    void isReadyBecauseKeycloaksKeysAreLoaded() {
        given().get("/q/health/ready")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("checks.find { it.name == 'OIDC Provider Health Check' }.status", equalTo("UP"));
    }
}
