package dev.hearth.core.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

/**
 * Without a reachable API server a service still starts and stays live, but reports not-ready and says why. A
 * service's test extends it, annotated {@code @QuarkusTest @TestProfile(UnreachableApiServerProfile.class)}.
 */
public abstract class ServiceWithoutApiServerContract {

    @Test
    void staysLive() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void reportsNotReadyWithTheReason() {
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Kubernetes API server' }.status", equalTo("DOWN"))
                .body(
                        "checks.find { it.name == 'Kubernetes API server' }.data.url",
                        equalTo(UnreachableApiServerProfile.URL + "/"))
                .body("checks.find { it.name == 'Kubernetes API server' }.data.reason", notNullValue());
    }
}
