package dev.hearth.core.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every service's health and metrics endpoints promise while the API server is reachable. A service's test
 * extends it, annotated {@code @QuarkusTest @QuarkusTestResource(KubeApiServerTestResource.class)}.
 */
public abstract class ServiceHealthContract {

    @Test
    void isLive() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void isReadyBecauseTheApiServerAnswers() {
        given().get("/q/health/ready")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kubernetes API server"))
                .body(
                        "checks.find { it.name == 'Kubernetes API server' }.data.version",
                        equalTo("v" + TestPaths.kubernetesVersion()));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
