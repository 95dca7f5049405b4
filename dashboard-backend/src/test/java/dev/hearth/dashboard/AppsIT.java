package dev.hearth.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.AuditLog;
import dev.hearth.core.testing.KeycloakTestResource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Reading and writing a tenant's Hearth objects as the caller: RBAC (tenant-service's) decides, a stale update is a
 * 409, a dry run stores nothing, bad input is a 400 that says what to fix, and every write leaves one log line.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
@QuarkusTestResource(KeycloakTestResource.class)
class AppsIT {
    private static final String DISKS = "/api/v1/tenants/{ns}/apps/vmdisks";
    private static final List<String> writes = new CopyOnWriteArrayList<>();
    private static final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            writes.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeAll
    static void tenants() throws Exception {
        RealTenants.ensure();
        Logger.getLogger("hearth.dashboard.writes").addHandler(capture);
    }

    @AfterAll
    static void stopCapturing() {
        Logger.getLogger("hearth.dashboard.writes").removeHandler(capture);
    }

    private static String disk(String name, String size) {
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"source\":{\"blank\":{}},\"size\":\"" + size
                + "\"}}";
    }

    private static ValidatableResponse post(String user, String namespace, String body, String query) {
        return given().auth()
                .oauth2(RealTenants.token(user))
                .contentType("application/json")
                .body(body)
                .post(DISKS + query, namespace)
                .then();
    }

    @Test
    void anAdminWritesInItsTenantAndItsChildButNowhereElse() {
        post("foo-admin", RealTenants.FOO, disk("data", "1Gi"), "")
                .statusCode(201)
                .body("metadata.uid", notNullValue());
        post("foo-admin", RealTenants.BAR, disk("data", "1Gi"), "").statusCode(201);
        post("foo-admin", RealTenants.BAZ, disk("data", "1Gi"), "")
                .statusCode(403)
                .body("error", equalTo("forbidden"));
        post("bar-admin", RealTenants.FOO, disk("intruder", "1Gi"), "").statusCode(403);
        post("foo-viewer", RealTenants.FOO, disk("viewer", "1Gi"), "").statusCode(403);
        post("foo-user", RealTenants.FOO, disk("user", "1Gi"), "").statusCode(403);

        // reads: the viewer of foo reads foo and bar; bar's admin and baz's viewer read nothing of foo
        given().auth()
                .oauth2(RealTenants.token("foo-viewer"))
                .get(DISKS + "/data", RealTenants.FOO)
                .then()
                .statusCode(200)
                .body("spec.size", equalTo("1Gi"));
        // the list comes from the backend's cache, which follows the write by the watch's delay
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().auth()
                        .oauth2(RealTenants.token("foo-viewer"))
                        .get(DISKS, RealTenants.BAR)
                        .then()
                        .statusCode(200)
                        .body("metadata.name", equalTo(List.of("data"))));
        for (String outsider : List.of("bar-admin", "baz-viewer", "nobody")) {
            given().auth()
                    .oauth2(RealTenants.token(outsider))
                    .get(DISKS, RealTenants.FOO)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(RealTenants.token(outsider))
                    .get(DISKS + "/data", RealTenants.FOO)
                    .then()
                    .statusCode(403);
        }
        assertThat(writes)
                .anySatisfy(line -> assertThat(line)
                        .contains(
                                "\"user\":\"oidc:foo-admin\"",
                                "\"verb\":\"create\"",
                                "\"namespace\":\"tenant-foo\"",
                                "\"resource\":\"vmdisks\"",
                                "\"name\":\"data\"",
                                "\"status\":201"))
                .anySatisfy(line -> assertThat(line)
                        .contains(
                                "\"user\":\"oidc:bar-admin\"",
                                "\"namespace\":\"tenant-foo\"",
                                "\"status\":403",
                                "forbidden"));
        // the API server saw the users, not the backend: its account only impersonated them
        List<AuditLog.Request> audited = AuditLog.read(TestKubernetes.shared().auditLog());
        String backend = "system:serviceaccount:hearth-system:dashboard-backend";
        assertThat(audited)
                .anySatisfy(r -> {
                    assertThat(r.user()).isEqualTo(backend);
                    assertThat(r.impersonatedUser()).isEqualTo("oidc:foo-admin");
                    assertThat(r.impersonatedGroups()).contains("oidc:tenant-foo-admin");
                    assertThat(List.of(r.verb(), r.resource(), r.namespace(), r.code()))
                            .isEqualTo(List.of("create", "vmdisks", RealTenants.BAZ, 403));
                })
                .anySatisfy(r -> {
                    assertThat(r.impersonatedUser()).isEqualTo("oidc:bar-admin");
                    assertThat(List.of(r.verb(), r.resource(), r.namespace(), r.code()))
                            .isEqualTo(List.of("create", "vmdisks", RealTenants.FOO, 403));
                })
                .noneSatisfy(r -> {
                    assertThat(r.user()).isEqualTo(backend);
                    assertThat(r.impersonatedUser()).isEmpty();
                    assertThat(r.verb()).isIn("create", "update", "patch", "delete");
                });
    }

    @Test
    void aStaleUpdateIsAConflictAndADryRunStoresNothing() {
        post("foo-admin", RealTenants.FOO, disk("grow", "1Gi"), "").statusCode(201);
        String token = RealTenants.token("foo-admin");
        String version = given().auth()
                .oauth2(token)
                .get(DISKS + "/grow", RealTenants.FOO)
                .then()
                .statusCode(200)
                .extract()
                .path("metadata.resourceVersion");
        String update = "{\"metadata\":{\"name\":\"grow\",\"resourceVersion\":\"" + version
                + "\"},\"spec\":{\"source\":{\"blank\":{}},\"size\":\"2Gi\"}}";
        // a dry run answers as the API server would, and changes nothing
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(update)
                .put(DISKS + "/grow?dryRun=true", RealTenants.FOO)
                .then()
                .statusCode(200)
                .body("object.spec.size", equalTo("2Gi"))
                .body("diff.find { it.path == '/spec/size' }.op", equalTo("replace"))
                .body("diff.find { it.path == '/spec/size' }.fromValue", equalTo("1Gi"))
                .body("diff.find { it.path == '/spec/size' }.value", equalTo("2Gi"))
                .body("diff.size()", equalTo(1));
        given().auth()
                .oauth2(token)
                .get(DISKS + "/grow", RealTenants.FOO)
                .then()
                .body("spec.size", equalTo("1Gi"));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(update)
                .put(DISKS + "/grow", RealTenants.FOO)
                .then()
                .statusCode(200)
                .body("spec.size", equalTo("2Gi"));
        // the same version again: someone (this test) changed it meanwhile
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(update.replace("2Gi", "3Gi"))
                .put(DISKS + "/grow", RealTenants.FOO)
                .then()
                .statusCode(409)
                .body("error", equalTo("conflict"));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(disk("grow", "3Gi"))
                .put(DISKS + "/grow", RealTenants.FOO)
                .then()
                .statusCode(400)
                .body("message", containsString("resourceVersion"));

        post("foo-admin", RealTenants.FOO, disk("dry", "1Gi"), "?dryRun=true")
                .statusCode(200)
                .body("object.metadata.name", equalTo("dry"))
                .body("diff.find { it.path == '/spec' }.op", equalTo("add"));
        given().auth().oauth2(token).get(DISKS + "/dry", RealTenants.FOO).then().statusCode(404);
        given().auth()
                .oauth2(token)
                .delete(DISKS + "/grow?dryRun=true", RealTenants.FOO)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(token)
                .get(DISKS + "/grow", RealTenants.FOO)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(RealTenants.token("foo-viewer"))
                .delete(DISKS + "/grow", RealTenants.FOO)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token)
                .delete(DISKS + "/grow", RealTenants.FOO)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(token)
                .delete(DISKS + "/grow", RealTenants.FOO)
                .then()
                .statusCode(404);
        assertThat(writes).anySatisfy(line -> assertThat(line).contains("\"verb\":\"update\"", "\"dryRun\":true"));
    }

    @Test
    void badInputIsA400ThatSaysWhatToFixNeverA500() {
        String token = RealTenants.token("foo-admin");
        String[][] cases = {
            {"[]", "JSON object"},
            {"\"text\"", "JSON object"},
            {"{}", "metadata.name"},
            {"{\"metadata\":{\"name\":\"UPPER\"}}", "DNS label"},
            {"{\"metadata\":{\"name\":\"" + "a".repeat(64) + "\"}}", "DNS label"},
            {"{\"metadata\":[1]}", "metadata must be an object"},
            {"{\"metadata\":{\"name\":\"x\",\"namespace\":\"tenant-baz\"}}", "differs"},
            {"{\"metadata\":{\"name\":\"x\"},\"spec\":{\"size\":5}}", "spec"},
            {"{\"metadata\":{\"name\":\"x\"},\"spec\":{\"source\":{\"blank\":{}},\"size\":\"-1Gi\"}}", "size"},
        };
        for (String[] c : cases) {
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(c[0])
                    .post(DISKS, RealTenants.FOO)
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(400)
                    .body("message", containsString(c[1]));
        }
        // not even JSON
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"metadata\":")
                .post(DISKS, RealTenants.FOO)
                .then()
                .statusCode(400);
        // paths that lead nowhere
        given().auth()
                .oauth2(token)
                .get("/api/v1/tenants/default/apps/vmdisks")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .get("/api/v1/tenants/tenant-foo/apps/secrets")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .get("/api/v1/tenants/tenant-foo/apps/..%2F..%2Fsecrets")
                .then()
                .statusCode(404);
        given().auth().oauth2(token).get(DISKS + "/..", RealTenants.FOO).then().statusCode(404);
        given().auth()
                .oauth2(token)
                .get(DISKS + "/a%20b", RealTenants.FOO)
                .then()
                .statusCode(400);
    }
}
