package dev.hearth.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.catalog.definition.BuiltInDefinitions;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.Refusals;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** apps-catalog against a real API server with Flux's CRDs; no Flux runs, so the tests set HelmRelease status. */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "upstreamCrds", value = CatalogIT.FLUX))
@SuppressWarnings("unchecked")
class CatalogIT {
    static final String FLUX = "helm.toolkit.fluxcd.io,source.toolkit.fluxcd.io";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KubernetesClient client;
    private static String tenantNamespace;

    @BeforeAll
    static void tenant() {
        client = TestKubernetes.shared().client();
        tenantNamespace = CatalogTenant.create(client, "cat");
    }

    @Test
    void everyBuiltInDefinitionIsServedAndItsKindExists() {
        for (ApplicationDefinition shipped : BuiltInDefinitions.load(client.getKubernetesSerialization())) {
            await().atMost(WAIT)
                    .until(() -> ready(client.resources(ApplicationDefinition.class)
                            .withName(shipped.getMetadata().getName())
                            .get()));
            var crd = client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(shipped.getSpec().application.plural + ".apps.hearth.dev")
                    .get();
            assertThat(crd).as("CRD of " + shipped.getSpec().application.kind).isNotNull();
        }
        var postgres = client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("postgreses.apps.hearth.dev")
                .get();
        assertThat(postgres.getSpec()
                        .getVersions()
                        .get(0)
                        .getSchema()
                        .getOpenAPIV3Schema()
                        .getProperties()
                        .get("spec")
                        .getProperties())
                .containsKeys("replicas", "size", "storageClass", "version", "users", "databases");
    }

    @Test
    void refusesInvalidInstancesWithTheServersMessage() {
        awaitServed("Postgres");
        Refusals.assertRefused(
                client, postgres("badenum", Map.of("version", "v9")), "spec.version: Unsupported value: \"v9\"");
        Refusals.assertRefused(
                client, postgres("badsize", Map.of("size", "ten gigs")), "spec.size in body should match");
        Refusals.assertRefused(client, postgres("unknown", Map.of("replicaz", 2)), "unknown field \"spec.replicaz\"");

        GenericKubernetesResource created = create(postgres("immutable", Map.of("storageClass", "fast")));
        // a patch, not an update: the operator writes the instance's status meanwhile, which would make an update
        // conflict
        assertThatThrownBy(() -> client.resource(created).edit(r -> {
                    ((Map<String, Object>) r.getAdditionalProperties().get("spec")).put("storageClass", "slow");
                    return r;
                }))
                .hasMessageContaining("storageClass is immutable");
    }

    @Test
    void aPostgresBecomesItsHelmReleaseAndMirrorsItsReadiness() {
        awaitServed("Postgres");
        GenericKubernetesResource instance = create(postgres("main", Map.of("replicas", 3)));

        // the tenant's status may reach the service just after the instance: its services arrive in the values then
        GenericKubernetesResource helmRelease = await().atMost(WAIT)
                .until(
                        () -> helmRelease("postgres-main"),
                        hr -> hr != null && tenantValuesOf(hr).containsKey("etcd"));
        assertThat(helmRelease.getMetadata().getLabels())
                .containsEntry("apps.hearth.dev/application.kind", "Postgres")
                .containsEntry("apps.hearth.dev/application.name", "main")
                .containsEntry("hearth.dev/tenant", tenantNamespace);
        assertThat(helmRelease.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o ->
                        assertThat(o.getUid()).isEqualTo(instance.getMetadata().getUid()));
        Map<String, Object> spec =
                (Map<String, Object>) helmRelease.getAdditionalProperties().get("spec");
        Map<String, Object> values = (Map<String, Object>) spec.get("values");
        assertThat(values)
                .containsEntry("replicas", 3)
                .containsEntry("size", "10Gi")
                .containsEntry("version", "v18");
        assertThat(tenantValuesOf(helmRelease))
                .containsEntry("etcd", "tenant-root")
                .containsEntry("ingress", tenantNamespace)
                .containsEntry("host", tenantNamespace.substring(7) + ".example.org");
        assertThat((Map<String, Object>) ((Map<String, Object>) spec.get("chart")).get("spec"))
                .containsEntry("chart", "postgres")
                .containsEntry("version", "0.1.0");

        setHelmReleaseReady(helmRelease, "True", "InstallSucceeded", "Helm install succeeded");
        await().atMost(WAIT)
                .until(
                        () -> readyOf("postgreses", "main"),
                        r -> r != null && "True".equals(r.get("status")) && "InstallSucceeded".equals(r.get("reason")));

        setHelmReleaseReady(
                helmRelease("postgres-main"), "False", "UpgradeFailed", "timed out waiting for the condition");
        await().atMost(WAIT)
                .until(
                        () -> readyOf("postgreses", "main"),
                        r -> r != null
                                && "False".equals(r.get("status"))
                                && "timed out waiting for the condition".equals(r.get("message")));
    }

    @Test
    void whatLeavesTheInstanceLeavesItsHelmReleaseAndHandEditsAreUndone() {
        awaitServed("Postgres");
        create(postgres("trim", Map.of("resources", Map.of("cpu", "2", "memory", "4Gi"))));
        await().atMost(WAIT)
                .until(() -> valuesOf(helmRelease("postgres-trim")), v -> v != null && v.containsKey("resources"));

        // JSON patches without a resource version: the service writes the instance's status meanwhile
        client.genericKubernetesResources("apps.hearth.dev/v1alpha1", "Postgres")
                .inNamespace(tenantNamespace)
                .withName("trim")
                .patch(PatchContext.of(PatchType.JSON), "[{\"op\": \"remove\", \"path\": \"/spec/resources\"}]");
        await().atMost(WAIT)
                .until(
                        () -> valuesOf(helmRelease("postgres-trim")),
                        v -> !v.containsKey("resources") && v.containsKey("replicas"));
        // created with a plain create, then applied: the service's fields are owned by its one Apply entry
        assertThat(helmRelease("postgres-trim").getMetadata().getManagedFields())
                .filteredOn(entry -> "hearth-apps-catalog".equals(entry.getManager()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.getOperation()).isEqualTo("Apply"));

        // a hand edit of a value the service sets is undone
        client.genericKubernetesResources("helm.toolkit.fluxcd.io/v2", "HelmRelease")
                .inNamespace(tenantNamespace)
                .withName("postgres-trim")
                .patch(
                        PatchContext.of(PatchType.JSON),
                        "[{\"op\": \"replace\", \"path\": \"/spec/values/replicas\", \"value\": 7}]");
        await().atMost(WAIT)
                .until(
                        () -> valuesOf(helmRelease("postgres-trim")),
                        v -> Integer.valueOf(2).equals(v.get("replicas")));
    }

    @Test
    void aDefinitionAddedAtRuntimeIsServedWithoutRestartAndUpgradesMoveEveryInstance() {
        ApplicationDefinition memcached =
                client.getKubernetesSerialization().unmarshal("""
                apiVersion: platform.hearth.dev/v1alpha1
                kind: ApplicationDefinition
                metadata: {name: memcached}
                spec:
                  application:
                    kind: Memcached
                    singular: memcached
                    plural: memcacheds
                    openAPISchema: '{"type":"object","properties":{"replicas":{"type":"integer","default":1}}}'
                  release:
                    prefix: memcached-
                    chart: {name: memcached, version: 1.0.0, sourceRef: {kind: HelmRepository, name: hearth-apps, namespace: hearth-system}}
                  dashboard: {category: PaaS, singular: Memcached, plural: Memcached}
                """, ApplicationDefinition.class);
        TestKubernetes.shared().withExtraAppKinds("memcacheds");
        client.resource(memcached).serverSideApply();
        awaitServed("Memcached");
        for (String name : List.of("a", "b", "c")) {
            create(instance("Memcached", name, Map.of()));
        }
        for (String name : List.of("a", "b", "c")) {
            await().atMost(WAIT).until(() -> chartVersion(helmRelease("memcached-" + name)), "1.0.0"::equals);
        }

        ApplicationDefinition current = client.resources(ApplicationDefinition.class)
                .withName("memcached")
                .get();
        current.getSpec().release.chart.version = "1.1.0";
        client.resource(current).update();

        for (String name : List.of("a", "b", "c")) {
            await().atMost(WAIT).until(() -> chartVersion(helmRelease("memcached-" + name)), "1.1.0"::equals);
        }
    }

    @Test
    void aBrokenSchemaIsReportedOnTheDefinition() {
        ApplicationDefinition broken = client.getKubernetesSerialization().unmarshal("""
                apiVersion: platform.hearth.dev/v1alpha1
                kind: ApplicationDefinition
                metadata: {name: broken}
                spec:
                  application: {kind: Broken, singular: broken, plural: brokens, openAPISchema: '{"type": "object", "properties": {"x": {"type": "nonsense"}}}'}
                  release:
                    prefix: broken-
                    chart: {name: broken, version: 1.0.0, sourceRef: {kind: HelmRepository, name: hearth-apps, namespace: hearth-system}}
                """, ApplicationDefinition.class);
        TestKubernetes.shared().withExtraAppKinds("brokens");
        client.resource(broken).serverSideApply();

        await().atMost(WAIT)
                .until(
                        () -> client.resources(ApplicationDefinition.class)
                                .withName("broken")
                                .get(),
                        d -> d.getStatus() != null
                                && ReadyCondition.find(d.getStatus().conditions, "Ready")
                                        .filter(c -> "InvalidSchema".equals(c.getReason())
                                                && c.getMessage().contains("The API server refused the CRD of Broken"))
                                        .isPresent());
    }

    @Test
    void theCatalogApiListsKindsWithSchemaAndDashboardMetadata() {
        await().atMost(WAIT)
                .until(() -> client.resources(ApplicationDefinition.class)
                                .list()
                                .getItems()
                                .size()
                        >= 17);
        given().get("/api/v1/catalog")
                .then()
                .statusCode(200)
                .body(
                        "kind",
                        hasItems(
                                "Postgres",
                                "MariaDB",
                                "Redis",
                                "NATS",
                                "Kafka",
                                "RabbitMQ",
                                "ClickHouse",
                                "HTTPCache",
                                "TCPBalancer",
                                "Etcd",
                                "Ingress",
                                "Monitoring",
                                "SeaweedFS",
                                "Tenant",
                                "Kubernetes",
                                "VMDisk",
                                "VMInstance"));
        given().get("/api/v1/catalog/postgres")
                .then()
                .statusCode(200)
                .body("kind", equalTo("Postgres"))
                .body("category", equalTo("PaaS"))
                .body("schema.properties.replicas.default", equalTo(2))
                .body("chart.name", equalTo("postgres"))
                .body("secrets", hasItems("postgres-{name}-credentials"));
        given().get("/api/v1/catalog/tenant")
                .then()
                .statusCode(200)
                .body("managedBy", equalTo("tenant-service"))
                .body("schema.properties.etcd.type", equalTo("boolean"));
        given().get("/api/v1/catalog/vmdisk")
                .then()
                .statusCode(200)
                .body("schema.required", hasItems("size", "source"));
        given().get("/api/v1/catalog/nosuchkind").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(200);
    }

    private static boolean ready(ApplicationDefinition definition) {
        return definition != null && ReadyCondition.isReady(definition.getStatus());
    }

    private static void awaitServed(String kind) {
        String name = kind.toLowerCase();
        await().atMost(WAIT)
                .until(() -> ready(client.resources(ApplicationDefinition.class)
                        .withName(name)
                        .get()));
    }

    private static GenericKubernetesResource postgres(String name, Map<String, Object> spec) {
        return instance("Postgres", name, spec);
    }

    private static GenericKubernetesResource instance(String kind, String name, Map<String, Object> spec) {
        GenericKubernetesResource instance = new GenericKubernetesResource();
        instance.setApiVersion("apps.hearth.dev/v1alpha1");
        instance.setKind(kind);
        instance.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(tenantNamespace)
                .build());
        instance.setAdditionalProperty("spec", new java.util.HashMap<>(spec));
        return instance;
    }

    private static GenericKubernetesResource create(GenericKubernetesResource instance) {
        return client.resource(instance).fieldValidation(Validation.STRICT).create();
    }

    private static GenericKubernetesResource helmRelease(String name) {
        return client.genericKubernetesResources("helm.toolkit.fluxcd.io/v2", "HelmRelease")
                .inNamespace(tenantNamespace)
                .withName(name)
                .get();
    }

    private static String chartVersion(GenericKubernetesResource helmRelease) {
        if (helmRelease == null) {
            return null;
        }
        Map<String, Object> spec =
                (Map<String, Object>) helmRelease.getAdditionalProperties().get("spec");
        return (String) ((Map<String, Object>) ((Map<String, Object>) spec.get("chart")).get("spec")).get("version");
    }

    private static void setHelmReleaseReady(
            GenericKubernetesResource helmRelease, String status, String reason, String message) {
        helmRelease.setAdditionalProperty(
                "status",
                Map.of(
                        "observedGeneration", helmRelease.getMetadata().getGeneration(),
                        "lastAttemptedRevision", "0.1.0",
                        "conditions",
                                List.of(Map.of(
                                        "type",
                                        "Ready",
                                        "status",
                                        status,
                                        "reason",
                                        reason,
                                        "message",
                                        message,
                                        "lastTransitionTime",
                                        java.time.Instant.now()
                                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                                .toString()))));
        client.resource(helmRelease).updateStatus();
    }

    private static Map<String, Object> readyOf(String plural, String name) {
        var context = new ResourceDefinitionContext.Builder()
                .withGroup("apps.hearth.dev")
                .withVersion("v1alpha1")
                .withPlural(plural)
                .withNamespaced(true)
                .build();
        GenericKubernetesResource instance = client.genericKubernetesResources(context)
                .inNamespace(tenantNamespace)
                .withName(name)
                .get();
        Map<String, Object> status =
                (Map<String, Object>) instance.getAdditionalProperties().get("status");
        if (status == null) {
            return null;
        }
        return ((List<Map<String, Object>>) status.getOrDefault("conditions", List.of()))
                .stream().filter(c -> "Ready".equals(c.get("type"))).findFirst().orElse(null);
    }

    private static Map<String, Object> valuesOf(GenericKubernetesResource helmRelease) {
        return helmRelease == null
                ? null
                : (Map<String, Object>) ((Map<String, Object>)
                                helmRelease.getAdditionalProperties().get("spec"))
                        .get("values");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tenantValuesOf(GenericKubernetesResource helmRelease) {
        Map<String, Object> spec =
                (Map<String, Object>) helmRelease.getAdditionalProperties().get("spec");
        return (Map<String, Object>) ((Map<String, Object>) spec.get("values")).getOrDefault("_namespace", Map.of());
    }
}
