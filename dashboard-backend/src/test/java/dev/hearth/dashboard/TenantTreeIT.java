package dev.hearth.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.Labels;
import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.core.testing.KeycloakTestResource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code GET /api/v1/tenants}: the tenants a caller may see, with their quotas, and nothing of the others. */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
@QuarkusTestResource(KeycloakTestResource.class)
class TenantTreeIT {
    @BeforeAll
    static void tenants() throws Exception {
        RealTenants.ensure();
    }

    @Test
    void fooSeesItselfAndItsChildWithTheirQuotas() {
        // usage and allocation come from the API server and tenant-service, a moment after the objects
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath tree = tree("foo-viewer");
            assertThat(tree.getList("namespace", String.class)).containsExactly(RealTenants.FOO, RealTenants.BAR);
            assertThat(tree.getList("level", String.class)).containsExactly("view", "view");
            assertThat(tree.getList("parent", String.class)).containsExactly(null, RealTenants.FOO);
            assertThat(tree.getList("name", String.class)).containsExactly("foo", "bar");
            assertThat(tree.getMap("[0].quota.hard", String.class, String.class))
                    .isEqualTo(Map.of("cpu", "4", "services", "5"));
            assertThat(tree.getMap("[0].quota.allocated", String.class, String.class))
                    .isEqualTo(Map.of("cpu", "1", "services", "2"));
            // the Service RealTenants made, and those other tests of this JVM made in foo (ExposedIT's)
            int services = TestKubernetes.shared()
                    .client()
                    .services()
                    .inNamespace(RealTenants.FOO)
                    .list()
                    .getItems()
                    .size();
            assertThat(services).isPositive();
            assertThat(tree.getString("[0].quota.used.services")).isEqualTo(String.valueOf(services));
            assertThat(tree.getMap("[1].quota.hard", String.class, String.class))
                    .isEqualTo(Map.of("cpu", "1", "services", "2"));
            assertThat(tree.getMap("[1].quota.allocated", String.class, String.class))
                    .isEmpty();
            assertThat(tree.getString("[1].quota.used.services")).isEqualTo("0");
        });
    }

    @Test
    void noCallerSeesATenantItHoldsNoLevelIn() {
        Map<String, List<String>> expected = Map.of(
                "foo-super", List.of(RealTenants.FOO, RealTenants.BAR),
                "bar-admin", List.of(RealTenants.BAR),
                "baz-viewer", List.of(RealTenants.BAZ),
                "mixed", List.of(RealTenants.FOO, RealTenants.BAR),
                "nobody", List.of());
        expected.forEach((user, namespaces) -> {
            JsonPath tree = tree(user);
            assertThat(tree.getList("namespace", String.class)).as(user).isEqualTo(namespaces);
            // the answer names no other tenant anywhere, not even as a parent
            String body = tree.prettify();
            for (String other : List.of(RealTenants.FOO, RealTenants.BAR, RealTenants.BAZ, "tenant-root")) {
                if (!namespaces.contains(other)) {
                    assertThat(body).as(user).doesNotContain("\"" + other + "\"");
                }
            }
        });
        assertThat(tree("bar-admin").getString("[0].parent")).isNull();
        assertThat(tree("mixed").getList("level", String.class)).containsExactly("view", "super-admin");
    }

    @Test
    void aTenantNamespaceThatComesOrGoesAfterAReadIsInTheNextAnswer() {
        // a namespace made by hand, as tenant-service would make a child of baz, with a level for baz's viewers
        String child = RealTenants.BAZ + "-later";
        var client = TestKubernetes.shared().client();
        assertThat(tree("baz-viewer").getList("namespace", String.class)).containsExactly(RealTenants.BAZ);
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(child)
                        .addToLabels(Labels.TENANT, "later")
                        .endMetadata()
                        .build())
                .create();
        client.rbac()
                .roleBindings()
                .inNamespace(child)
                .resource(new RoleBindingBuilder()
                        .withNewMetadata()
                        .withName("baz-viewers")
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", AccessLevel.VIEW.clusterRoleName())
                        .addNewSubject()
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withKind("Group")
                        .withName("oidc:tenant-baz-view")
                        .endSubject()
                        .build())
                .create();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(tree("baz-viewer").getList("namespace", String.class))
                        .containsExactly(RealTenants.BAZ, child));

        client.namespaces().withName(child).delete();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        assertThat(client.namespaces().withName(child).get()).isNull());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(tree("baz-viewer").getList("namespace", String.class))
                        .containsExactly(RealTenants.BAZ));
    }

    private static JsonPath tree(String user) {
        return given().auth()
                .oauth2(RealTenants.token(user))
                .get("/api/v1/tenants")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
