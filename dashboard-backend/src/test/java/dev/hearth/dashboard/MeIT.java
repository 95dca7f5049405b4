package dev.hearth.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.core.testing.KeycloakTestResource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKeycloak;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code GET /api/v1/me} with real Keycloak tokens on the real API server, RBAC made by the real tenant-service: every
 * user sees exactly the tenants its groups reach, at the level the API server grants, and nothing of the others.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
@QuarkusTestResource(KeycloakTestResource.class)
class MeIT {
    @BeforeAll
    static void tenants() throws Exception {
        RealTenants.ensure();
    }

    /** user → tenant namespace → level: an ancestor's level holds in its descendants, never in siblings or parents. */
    private static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "foo-viewer", ordered(RealTenants.FOO, "view", RealTenants.BAR, "view"),
            "foo-user", ordered(RealTenants.FOO, "use", RealTenants.BAR, "use"),
            "foo-admin", ordered(RealTenants.FOO, "admin", RealTenants.BAR, "admin"),
            "foo-super", ordered(RealTenants.FOO, "super-admin", RealTenants.BAR, "super-admin"),
            "bar-admin", ordered(RealTenants.BAR, "admin"),
            "baz-viewer", ordered(RealTenants.BAZ, "view"),
            "mixed", ordered(RealTenants.FOO, "view", RealTenants.BAR, "super-admin"),
            "nobody", Map.of());

    @Test
    void everyUserSeesExactlyItsTenantsAtItsLevel() {
        assertThat(EXPECTED.keySet()).isEqualTo(RealTenants.USERS.keySet());
        EXPECTED.forEach((user, expected) -> {
            JsonPath me = given().auth()
                    .oauth2(RealTenants.token(user))
                    .get("/api/v1/me")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            Map<String, String> levels = new LinkedHashMap<>();
            for (Map<String, String> tenant : me.<Map<String, String>>getList("tenants")) {
                levels.put(tenant.get("namespace"), tenant.get("level"));
            }
            assertThat(levels).as(user).isEqualTo(expected);
            assertThat(me.getString("username")).isEqualTo(user);
            assertThat(me.getString("kubernetesUsername")).isEqualTo("oidc:" + user);
            assertThat(me.getList("groups", String.class))
                    .containsExactlyInAnyOrderElementsOf(RealTenants.USERS.get(user));
            assertThat(me.getList("kubernetesGroups", String.class))
                    .containsExactlyInAnyOrderElementsOf(RealTenants.USERS.get(user).stream()
                            .map(g -> "oidc:" + g)
                            .toList());
        });
    }

    /** A level no RoleBinding gives: a ClusterRoleBinding to the view role reaches every tenant. */
    @Test
    void aClusterWideGrantReachesEveryTenant() {
        TestKeycloak.shared().createUser("ops-viewer", RealTenants.PASSWORD, "ops");
        TestKubernetes.shared()
                .client()
                .rbac()
                .clusterRoleBindings()
                .resource(new ClusterRoleBindingBuilder()
                        .withNewMetadata()
                        .withName("ops-view-everything")
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", AccessLevel.VIEW.clusterRoleName())
                        .addNewSubject()
                        .withKind("Group")
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withName("oidc:ops")
                        .endSubject()
                        .build())
                .create();
        List<Map<String, String>> tenants = given().auth()
                .oauth2(RealTenants.token("ops-viewer"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("tenants");
        assertThat(tenants)
                .extracting(t -> t.get("namespace"))
                .contains("tenant-root", RealTenants.FOO, RealTenants.BAR, RealTenants.BAZ);
        assertThat(tenants).extracting(t -> t.get("level")).containsOnly("view");
    }

    /** A caller who keeps asking is answered from the cache, refreshed ahead: a revoked level still goes in seconds. */
    @Test
    void aRevokedLevelIsGoneWithinSecondsForACallerWhoKeepsAsking() throws InterruptedException {
        TestKeycloak.shared().createUser("soon-revoked", RealTenants.PASSWORD, "baz-guests");
        var bindings = TestKubernetes.shared().client().rbac().roleBindings().inNamespace(RealTenants.BAZ);
        bindings.resource(new RoleBindingBuilder()
                        .withNewMetadata()
                        .withName("baz-guests")
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", AccessLevel.VIEW.clusterRoleName())
                        .addNewSubject()
                        .withKind("Group")
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withName("oidc:baz-guests")
                        .endSubject()
                        .build())
                .create();
        String token = RealTenants.token("soon-revoked");
        await().atMost(Duration.ofSeconds(30)).until(() -> namespacesOf(token).equals(List.of(RealTenants.BAZ)));
        bindings.withName("baz-guests").delete();
        long revoked = System.nanoTime();
        // asked every 200 ms: each answer may come from the cache, but never one older than its 5 s
        while (!namespacesOf(token).isEmpty()) {
            assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(Duration.ofSeconds(12));
            Thread.sleep(200);
        }
    }

    private static List<String> namespacesOf(String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("tenants.namespace", String.class);
    }

    @Test
    void theParentOfEachTenantIsNamed() {
        List<Map<String, String>> tenants = given().auth()
                .oauth2(RealTenants.token("foo-viewer"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("tenants");
        assertThat(tenants)
                .extracting(t -> t.get("namespace") + "<" + t.get("parent"))
                .containsExactly("tenant-foo<tenant-root", "tenant-foo-bar<tenant-foo");
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
