package dev.hearth.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.KeycloakTestResource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What an app exposes, read as the caller through the real apps-catalog's credentials Role (its chart's Secret and
 * Services stand in here, since no Flux installs the chart); and the kubeconfigs, from the Secrets tenant-service and
 * Kamaji write.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
@QuarkusTestResource(KeycloakTestResource.class)
class ExposedIT {
    private static final String DB = "/api/v1/tenants/{ns}/apps/postgreses/db";

    @BeforeAll
    static void app() throws Exception {
        RealCatalog.ensure();
        KubernetesClient admin = TestKubernetes.shared().client();
        admin.resource(ActionsIT.app("Postgres", "db", Map.of())).create();
        // what the chart would make: the credentials, the read-write Service, and a Secret nobody exposes
        admin.secrets()
                .inNamespace(RealTenants.FOO)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("postgres-db-credentials")
                        .endMetadata()
                        .withStringData(Map.of("username", "app", "password", "pa55-w0rd"))
                        .build())
                .create();
        admin.secrets()
                .inNamespace(RealTenants.FOO)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("postgres-db-superuser")
                        .endMetadata()
                        .withStringData(Map.of("password", "root"))
                        .build())
                .create();
        admin.services()
                .inNamespace(RealTenants.FOO)
                .resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("postgres-db-rw")
                        .endMetadata()
                        .withNewSpec()
                        .addNewPort()
                        .withName("postgres")
                        .withPort(5432)
                        .endPort()
                        .endSpec()
                        .build())
                .create();
        await().atMost(Duration.ofMinutes(1))
                .until(() -> admin.rbac()
                                .roleBindings()
                                .inNamespace(RealTenants.FOO)
                                .withName("hearth:credentials:postgres:db")
                                .get()
                        != null);
    }

    private static JsonPath exposedAs(String user, String query) {
        return given().auth()
                .oauth2(RealTenants.token(user))
                .get(DB + "/exposed" + query, RealTenants.FOO)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void usersReadTheCredentialsMaskedUntilTheyAskViewersOnlyTheServices() {
        JsonPath masked = exposedAs("foo-user", "");
        assertThat(masked.getList("services.name")).containsExactly("postgres-db-rw");
        assertThat(masked.getInt("services[0].ports[0].port")).isEqualTo(5432);
        assertThat(masked.getList("secrets.name")).containsExactly("postgres-db-credentials");
        assertThat(masked.getMap("secrets[0].data"))
                .containsOnly(Map.entry("password", "••••••"), Map.entry("username", "••••••"));

        JsonPath revealed = exposedAs("foo-user", "?reveal=true");
        assertThat(revealed.getString("secrets[0].data.password")).isEqualTo("pa55-w0rd");
        // an ancestor's admin too; never the Secret the definition does not expose
        assertThat(exposedAs("foo-super", "?reveal=true").toString()).doesNotContain("root");

        JsonPath viewer = exposedAs("foo-viewer", "?reveal=true");
        assertThat(viewer.getList("services.name")).containsExactly("postgres-db-rw");
        assertThat(viewer.getList("secrets")).isEmpty();

        for (String outsider : List.of("baz-viewer", "nobody", "bar-admin")) {
            given().auth()
                    .oauth2(RealTenants.token(outsider))
                    .get(DB + "/exposed?reveal=true", RealTenants.FOO)
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(RealTenants.token("foo-user"))
                .get("/api/v1/tenants/{ns}/apps/postgreses/nothing/exposed", RealTenants.FOO)
                .then()
                .statusCode(404);
    }

    @Test
    void theTenantKubeconfigNamesTheServerTheIssuerAndTheTenant() {
        await().atMost(Duration.ofMinutes(1))
                .until(() -> TestKubernetes.shared()
                                .client()
                                .secrets()
                                .inNamespace(RealTenants.BAR)
                                .withName("tenant-kubeconfig")
                                .get()
                        != null);
        String kubeconfig = given().auth()
                .oauth2(RealTenants.token("foo-viewer"))
                .get("/api/v1/tenants/{ns}/kubeconfig", RealTenants.BAR)
                .then()
                .statusCode(200)
                .contentType(containsString("application/yaml"))
                .header("Content-Disposition", containsString("tenant-foo-bar.kubeconfig"))
                .extract()
                .asString();
        assertThat(kubeconfig)
                .contains(
                        RealTenants.KUBECONFIG_SERVER,
                        "oidc-login",
                        RealTenants.KUBECONFIG_ISSUER,
                        "--oidc-client-id=kubernetes",
                        "namespace: \"tenant-foo-bar\"");
        given().auth()
                .oauth2(RealTenants.token("baz-viewer"))
                .get("/api/v1/tenants/{ns}/kubeconfig", RealTenants.BAR)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(RealTenants.token("foo-viewer"))
                .get("/api/v1/tenants/{ns}/kubeconfig", "default")
                .then()
                .statusCode(404);
    }

    @Test
    void aClusterKubeconfigIsForWhomTheReaderRoleNames() {
        KubernetesClient admin = TestKubernetes.shared().client();
        String secret = "kubernetes-k1-admin-kubeconfig";
        admin.secrets()
                .inNamespace(RealTenants.FOO)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(secret)
                        .endMetadata()
                        .withStringData(Map.of("admin.conf", "apiVersion: v1\nkind: Config\n# k1\n"))
                        .build())
                .create();
        String path = "/api/v1/tenants/{ns}/apps/kuberneteses/k1/kubeconfig";
        // no reader Role yet (kubernetes-service makes it): even the tenant's admin is refused
        given().auth()
                .oauth2(RealTenants.token("foo-admin"))
                .get(path, RealTenants.FOO)
                .then()
                .statusCode(403);
        // kubernetes-service's reader Role (AdminKubeconfigReaderRoleFor), bound to foo's admins
        admin.rbac()
                .roles()
                .inNamespace(RealTenants.FOO)
                .resource(new RoleBuilder()
                        .withNewMetadata()
                        .withName(secret + "-reader")
                        .endMetadata()
                        .addNewRule()
                        .withApiGroups("")
                        .withResources("secrets")
                        .withResourceNames(secret)
                        .withVerbs("get")
                        .endRule()
                        .build())
                .create();
        admin.rbac()
                .roleBindings()
                .inNamespace(RealTenants.FOO)
                .resource(new RoleBindingBuilder()
                        .withNewMetadata()
                        .withName(secret + "-reader")
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "Role", secret + "-reader")
                        .addNewSubject()
                        .withKind("Group")
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withName("oidc:tenant-foo-admin")
                        .endSubject()
                        .build())
                .create();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(RealTenants.token("foo-admin"))
                        .get(path, RealTenants.FOO)
                        .then()
                        .statusCode(200)
                        .body(equalTo("apiVersion: v1\nkind: Config\n# k1\n")));
        given().auth()
                .oauth2(RealTenants.token("foo-user"))
                .get(path, RealTenants.FOO)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(RealTenants.token("foo-admin"))
                .get("/api/v1/tenants/{ns}/apps/kuberneteses/k2/kubeconfig", RealTenants.FOO)
                .then()
                .statusCode(403);
    }
}
