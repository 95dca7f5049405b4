package dev.hearth.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.KeycloakTestResource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The catalog from the ApplicationDefinitions the real apps-catalog installs, with each kind's schema as the API server
 * serves it, made ready for a form.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
@QuarkusTestResource(KeycloakTestResource.class)
class CatalogIT {
    @BeforeAll
    static void catalog() throws Exception {
        RealCatalog.ensure();
    }

    private static JsonPath catalogAs(String user) {
        return given().auth()
                .oauth2(RealTenants.token(user))
                .get("/api/v1/catalog")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void everyKindIsThereWithItsDashboardFields() {
        JsonPath catalog = catalogAs("foo-viewer");
        List<String> plurals = catalog.getList("plural");
        assertThat(plurals)
                .contains("postgreses", "redises", "kafkas", "vmdisks", "vminstances", "kuberneteses", "tenants");
        Map<String, Object> postgres = catalog.getMap("find { it.plural == 'postgreses' }");
        assertThat(postgres)
                .containsEntry("kind", "Postgres")
                .containsEntry("title", "PostgreSQL")
                .containsEntry("category", "PaaS")
                .containsEntry("module", false)
                .containsEntry("tags", List.of("database", "sql"));
        assertThat(catalog.getString("find { it.plural == 'vmdisks' }.managedBy"))
                .isEqualTo("vm-service");
        assertThat(catalog.getBoolean("find { it.plural == 'etcds' }.module")).isTrue();
        // the same catalog for everyone signed in, even without a tenant
        assertThat(catalogAs("nobody").getList("plural")).isEqualTo(plurals);
    }

    @Test
    void schemasAreFormReadyFromTheServedCrds() {
        JsonPath catalog = catalogAs("foo-admin");
        String all = given().auth()
                .oauth2(RealTenants.token("foo-admin"))
                .get("/api/v1/catalog")
                .asString();
        assertThat(all).doesNotContain("x-kubernetes-", "oldSelf");

        String postgres = "find { it.plural == 'postgreses' }.";
        assertThat(catalog.getInt(postgres + "schema.properties.replicas.default"))
                .isEqualTo(2);
        assertThat(catalog.getList(postgres + "schema.properties.version.enum")).contains("v18", "v13");
        assertThat(catalog.getList(postgres + "immutable")).containsExactly("/storageClass");
        assertThat(catalog.getList(postgres + "secretFields")).containsExactly("/users/*/password");
        assertThat(catalog.getList(postgres + "uiSchema.'ui:order'"))
                .startsWith("replicas", "size", "storageClass")
                .endsWith("*");
        assertThat(catalog.getString(postgres + "uiSchema.users.additionalProperties.password.'ui:widget'"))
                .isEqualTo("password");
        // typed kinds: the schema of the CRD platform-core generates, with its CEL immutability
        assertThat(catalog.getList("find { it.plural == 'vmdisks' }.immutable")).contains("/source", "/storageClass");
        assertThat(catalog.getMap("find { it.plural == 'vmdisks' }.schema.properties"))
                .containsKey("size");

        given().auth()
                .oauth2(RealTenants.token("foo-admin"))
                .get("/api/v1/catalog/postgreses")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(RealTenants.token("foo-admin"))
                .get("/api/v1/catalog/secrets")
                .then()
                .statusCode(404);
        given().get("/api/v1/catalog").then().statusCode(401);
    }
}
