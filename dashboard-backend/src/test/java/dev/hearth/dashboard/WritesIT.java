package dev.hearth.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.KeycloakTestResource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Writes of catalog apps through the real apps-catalog's CRDs: field refusals name their field, immutable fields are
 * refused with the field named, a dry run shows the diff; and the typed kinds (VMs, clusters, child tenants) go
 * through the same endpoints.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
@QuarkusTestResource(KeycloakTestResource.class)
class WritesIT {
    private static final String APPS = "/api/v1/tenants/{ns}/apps/{plural}";

    @BeforeAll
    static void catalog() throws Exception {
        RealCatalog.ensure();
    }

    private static ValidatableResponse write(
            String user, String method, String plural, String name, String body, String query) {
        var request = given().auth()
                .oauth2(RealTenants.token(user))
                .contentType("application/json")
                .body(body);
        return ("POST".equals(method)
                        ? request.post(APPS + query, RealTenants.FOO, plural)
                        : request.put(APPS + "/" + name + query, RealTenants.FOO, plural))
                .then()
                .log()
                .ifValidationFails();
    }

    private static String version(String plural, String name) {
        return given().auth()
                .oauth2(RealTenants.token("foo-admin"))
                .get(APPS + "/" + name, RealTenants.FOO, plural)
                .then()
                .statusCode(200)
                .extract()
                .path("metadata.resourceVersion");
    }

    @Test
    void aSchemaRefusalNamesEachField() {
        write(
                        "foo-admin",
                        "POST",
                        "postgreses",
                        null,
                        "{\"metadata\":{\"name\":\"bad\"},\"spec\":{\"replicas\":0,\"version\":\"v1\"}}",
                        "")
                .statusCode(400)
                .body("error", equalTo("invalid"))
                .body("fields.field", hasItem("spec.replicas"))
                .body("fields.field", hasItem("spec.version"))
                .body("fields.find { it.field == 'spec.replicas' }.message", containsString("1"));
    }

    @Test
    void anImmutableFieldIsRefusedByName() {
        write(
                        "foo-admin",
                        "POST",
                        "postgreses",
                        null,
                        "{\"metadata\":{\"name\":\"fixed\"},\"spec\":{\"storageClass\":\"fast\"}}",
                        "")
                .statusCode(201);
        String changed = "{\"metadata\":{\"name\":\"fixed\",\"resourceVersion\":\"" + version("postgreses", "fixed")
                + "\"},\"spec\":{\"storageClass\":\"slow\",\"replicas\":3}}";
        for (String query : List.of("", "?dryRun=true")) {
            write("foo-admin", "PUT", "postgreses", "fixed", changed, query)
                    .statusCode(400)
                    .body("error", equalTo("immutable"))
                    .body("fields[0].field", equalTo("spec.storageClass"))
                    .body("fields[0].message", containsString("\"fast\""));
        }
        // what may change does, and the dry run says what would; apps-catalog writes the app's status (a new
        // resourceVersion) once it has reconciled it: wait for that, then read the version
        await().atMost(Duration.ofMinutes(1))
                .until(() -> given().auth()
                                .oauth2(RealTenants.token("foo-admin"))
                                .get(APPS + "/fixed", RealTenants.FOO, "postgreses")
                                .then()
                                .extract()
                                .path("status.observedGeneration")
                        != null);
        String allowed = "{\"metadata\":{\"name\":\"fixed\",\"resourceVersion\":\"%s\"},"
                + "\"spec\":{\"storageClass\":\"fast\",\"replicas\":3}}";
        write(
                        "foo-admin",
                        "PUT",
                        "postgreses",
                        "fixed",
                        allowed.formatted(version("postgreses", "fixed")),
                        "?dryRun=true")
                .statusCode(200)
                .body("diff.find { it.path == '/spec/replicas' }.value", equalTo(3))
                .body("diff.find { it.path == '/spec/replicas' }.fromValue", equalTo(2));
        write("foo-admin", "PUT", "postgreses", "fixed", allowed.formatted(version("postgreses", "fixed")), "")
                .statusCode(200)
                .body("spec.replicas", equalTo(3))
                .body("spec.storageClass", equalTo("fast"));
    }

    @Test
    void vmsClustersAndChildTenantsAreWrittenLikeApps() {
        write(
                        "foo-admin",
                        "POST",
                        "vminstances",
                        null,
                        "{\"metadata\":{\"name\":\"vm1\"},\"spec\":{\"runStrategy\":\"Halted\",\"instanceType\":\"u1.small\","
                                + "\"disks\":[{\"name\":\"root\"}]}}",
                        "")
                .statusCode(201)
                .body("spec.runStrategy", equalTo("Halted"));
        write("foo-admin", "POST", "kuberneteses", null, "{\"metadata\":{\"name\":\"k1\"},\"spec\":{}}", "?dryRun=true")
                .statusCode(200)
                .body("object.kind", equalTo("Kubernetes"));
        // a child tenant: super-admin only
        String child = "{\"metadata\":{\"name\":\"kid\"},\"spec\":{\"resourceQuotas\":{\"cpu\":\"1\"}}}";
        write("foo-admin", "POST", "tenants", null, child, "?dryRun=true").statusCode(403);
        write("foo-super", "POST", "tenants", null, child, "?dryRun=true")
                .statusCode(200)
                .body("object.spec.resourceQuotas.cpu", equalTo("1"));

        Map<String, Object> vm = given().auth()
                .oauth2(RealTenants.token("foo-viewer"))
                .get(APPS + "/vm1", RealTenants.FOO, "vminstances")
                .then()
                .statusCode(200)
                .extract()
                .path("spec");
        assertThat(vm).containsEntry("instanceType", "u1.small");
    }
}
