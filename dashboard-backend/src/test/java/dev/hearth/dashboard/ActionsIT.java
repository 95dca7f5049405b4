package dev.hearth.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.KeycloakTestResource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The actions the backend says a caller may take are exactly those the API server then allows: each user × tenant ×
 * kind's {@code create} is tried for real (a dry run), and per-object actions match the levels of tenant-service's
 * roles; VM power actions change the runStrategy, or are refused.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
@QuarkusTestResource(KeycloakTestResource.class)
class ActionsIT {
    private static final String APPS = "/api/v1/tenants/{ns}/apps/{plural}";

    @BeforeAll
    static void catalog() throws Exception {
        RealCatalog.ensure();
        TestKubernetes.shared()
                .client()
                .resource(app(
                        "VMInstance",
                        "vm",
                        Map.of(
                                "runStrategy",
                                "Halted",
                                "instanceType",
                                "u1.small",
                                "disks",
                                List.of(Map.of("name", "root")))))
                .create();
    }

    /** Made as the API server's admin: the tests' data, before the backend (whose port is set per test) answers. */
    static GenericKubernetesResource app(String kind, String name, Map<String, Object> spec) {
        GenericKubernetesResource app = new GenericKubernetesResource();
        app.setApiVersion("apps.hearth.dev/v1alpha1");
        app.setKind(kind);
        app.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(RealTenants.FOO)
                .build());
        app.setAdditionalProperty("spec", spec);
        return app;
    }

    private static Map<String, List<String>> kindActions(String user, String namespace) {
        return given().auth()
                .oauth2(RealTenants.token(user))
                .get("/api/v1/tenants/{ns}/actions", namespace)
                .then()
                .statusCode(200)
                .extract()
                .as(new io.restassured.common.mapper.TypeRef<Map<String, List<String>>>() {});
    }

    private static List<String> objectActions(String user, String namespace, String plural, String name) {
        return given().auth()
                .oauth2(RealTenants.token(user))
                .get(APPS + "/" + name + "/actions", namespace, plural)
                .then()
                .statusCode(200)
                .extract()
                .path("actions");
    }

    private static String body(String plural, String name) {
        return switch (plural) {
            case "vmdisks" ->
                "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"source\":{\"blank\":{}},\"size\":\"1Gi\"}}";
            case "tenants" -> "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{}}";
            default -> "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{}}";
        };
    }

    @Test
    void createIsOfferedExactlyWhereTheApiServerAllowsIt() {
        for (String user : RealTenants.USERS.keySet()) {
            for (String namespace : List.of(RealTenants.FOO, RealTenants.BAR, RealTenants.BAZ)) {
                Map<String, List<String>> offered = kindActions(user, namespace);
                for (String plural : List.of("postgreses", "vmdisks", "tenants")) {
                    int status = given().auth()
                            .oauth2(RealTenants.token(user))
                            .contentType("application/json")
                            .body(body(plural, "probe"))
                            .post(APPS + "?dryRun=true", namespace, plural)
                            .statusCode();
                    boolean said = offered.getOrDefault(plural, List.of()).contains("create");
                    assertThat(status)
                            .as("%s create %s in %s: offered %s", user, plural, namespace, said)
                            .isEqualTo(said ? 200 : 403);
                    int listed = given().auth()
                            .oauth2(RealTenants.token(user))
                            .get(APPS, namespace, plural)
                            .statusCode();
                    assertThat(listed)
                            .as("%s list %s in %s", user, plural, namespace)
                            .isEqualTo(offered.getOrDefault(plural, List.of()).contains("list") ? 200 : 403);
                }
            }
        }
        assertThat(kindActions("foo-viewer", RealTenants.FOO).get("postgreses"))
                .containsExactly("get", "list", "watch");
        assertThat(kindActions("foo-admin", RealTenants.FOO).get("postgreses")).contains("create", "update", "delete");
        assertThat(kindActions("foo-admin", RealTenants.FOO).get("tenants")).doesNotContain("create");
        assertThat(kindActions("baz-viewer", RealTenants.FOO)).isEmpty();
    }

    @Test
    void objectActionsFollowTheLevel() {
        assertThat(objectActions("foo-viewer", RealTenants.FOO, "vminstances", "vm"))
                .containsExactly("get");
        assertThat(objectActions("foo-user", RealTenants.FOO, "vminstances", "vm"))
                .containsExactly("get", "console");
        assertThat(objectActions("foo-admin", RealTenants.FOO, "vminstances", "vm"))
                .containsExactly("get", "update", "delete", "start", "stop", "console");
        assertThat(objectActions("baz-viewer", RealTenants.FOO, "vminstances", "vm"))
                .isEmpty();
        // create-child: creating tenants in the child's namespace, which foo's super-admins and bar's own admins
        // differ on
        assertThat(objectActions("foo-super", RealTenants.FOO, "tenants", "bar"))
                .contains("create-child", "delete");
        assertThat(objectActions("foo-admin", RealTenants.FOO, "tenants", "bar"))
                .doesNotContain("create-child");
        assertThat(objectActions("mixed", RealTenants.FOO, "tenants", "bar")).containsExactly("get", "create-child");
    }

    @Test
    void powerActionsSetTheRunStrategyOrAreRefused() {
        given().auth()
                .oauth2(RealTenants.token("foo-user"))
                .post(APPS + "/vm/start", RealTenants.FOO, "vminstances")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(RealTenants.token("foo-admin"))
                .post(APPS + "/vm/start", RealTenants.FOO, "vminstances")
                .then()
                .statusCode(200)
                .body("object.spec.runStrategy", equalTo("Always"));
        given().auth()
                .oauth2(RealTenants.token("foo-admin"))
                .post(APPS + "/vm/stop", RealTenants.FOO, "vminstances")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(RealTenants.token("foo-viewer"))
                .get(APPS + "/vm", RealTenants.FOO, "vminstances")
                .then()
                .body("spec.runStrategy", equalTo("Halted"))
                .body("spec.instanceType", equalTo("u1.small"));
        given().auth()
                .oauth2(RealTenants.token("foo-admin"))
                .post(APPS + "/none/start", RealTenants.FOO, "vminstances")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(RealTenants.token("foo-admin"))
                .post(APPS + "/vm/reboot", RealTenants.FOO, "vminstances")
                .then()
                .statusCode(oneOf(404, 405));
    }
}
