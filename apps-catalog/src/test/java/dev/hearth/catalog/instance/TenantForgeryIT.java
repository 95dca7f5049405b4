package dev.hearth.catalog.instance;

import static dev.hearth.core.testing.Refusals.allowed;
import static dev.hearth.core.testing.Refusals.assertForbidden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.catalog.testing.TenantNamespaces;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.tenant.TenantServices;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.core.tenant.TenantFacts;
import dev.hearth.core.tenant.TenantSubjects;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TenantWithStatus;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A tenant's super-admin tries to make its apps trust something it wrote (issue 12, item 1): a forged app status, a
 * forged Tenant status, and {@code _namespace} smuggled into an app's spec. Whatever it tries, the app's status stays
 * apps-catalog's and its HelmRelease's {@code _namespace} comes from the tenant Namespace's annotations alone.
 *
 * <p>The attacker holds, in its tenant namespace, every verb tenant-service's super-admin level has on the app kinds
 * and Tenants (main resources only, {@code ClusterRolesFor}), bound to exactly the subjects tenant-service binds
 * ({@link TenantSubjects}). apps-catalog cannot depend on tenant-service, so the role here is that slice written out;
 * tenant-service's {@code TenantRbacEnforcementIT} proves its real roles refuse every status the same way. What this
 * test proves of apps-catalog is that its kinds keep status behind the status subresource and that nothing a tenant
 * user writes reaches the values.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "upstreamCrds", value = "helm.toolkit.fluxcd.io,source.toolkit.fluxcd.io"))
@SuppressWarnings("unchecked")
class TenantForgeryIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ID =
            UUID.randomUUID().toString().substring(0, 6).replace("-", "");
    /** The attacker is a super-admin of tenant-fg<id>; its child tenant kid (namespace tenant-fg<id>-kid) runs the apps. */
    private static final String PARENT = "tenant-fg" + ID;

    private static final String NAME = "kid";
    private static final String TENANT = PARENT + "-" + NAME;
    private static final String SIBLING = PARENT + "-sib";
    private static final String OPEN_KIND = "Openapp" + ID;
    private static final String OPEN_PLURAL = "openapps" + ID;
    /** What tenant-service wrote on the tenant Namespace: the only facts the app may be wired to. */
    private static final TenantFacts FACTS =
            new TenantFacts(TENANT, new TenantServices("tenant-root", TENANT, "tenant-root", null), "kid.example.org");

    private static KubernetesClient admin;
    private static KubernetesClient attacker;

    @BeforeAll
    static void tenantWithASuperAdmin() {
        admin = TestKubernetes.shared().client();
        TenantNamespaces.apply(admin, "tenant-root", TenantFacts.NONE);
        TenantNamespaces.apply(admin, PARENT, TenantFacts.NONE);
        TenantNamespaces.apply(admin, TENANT, FACTS);
        TenantNamespaces.apply(
                admin,
                SIBLING,
                new TenantFacts(
                        SIBLING, new TenantServices(SIBLING, SIBLING, SIBLING, SIBLING), "sibling.example.org"));
        Tenant tenant = TenantWithStatus.named(PARENT, NAME)
                .host(FACTS.host())
                .services("tenant-root", TENANT, "tenant-root", null)
                .build();
        Tenant created = admin.resource(tenant).create();
        created.setStatus(tenant.getStatus());
        admin.resource(created).updateStatus();

        String role = "forgery-test:super-admin-apps-" + ID;
        admin.resource(new ClusterRoleBuilder()
                        .withNewMetadata()
                        .withName(role)
                        .endMetadata()
                        .addNewRule()
                        .withApiGroups("apps.hearth.dev")
                        .withResources("tenants", "postgreses", OPEN_PLURAL)
                        .withVerbs("get", "list", "watch", "create", "update", "patch", "delete")
                        .endRule()
                        .build())
                .create();
        for (String namespace : List.of(PARENT, TENANT)) {
            admin.resource(new RoleBindingBuilder()
                            .withNewMetadata()
                            .withName(role)
                            .withNamespace(namespace)
                            .endMetadata()
                            .withNewRoleRef()
                            .withApiGroup("rbac.authorization.k8s.io")
                            .withKind("ClusterRole")
                            .withName(role)
                            .endRoleRef()
                            .withSubjects(TenantSubjects.atOrAbove(namespace, AccessLevel.SUPER_ADMIN, ""))
                            .build())
                    .create();
        }
        attacker = TestKubernetes.shared()
                .impersonating("mallory", TenantSubjects.groupName("", PARENT, AccessLevel.SUPER_ADMIN));
    }

    @AfterAll
    static void close() {
        if (attacker != null) {
            attacker.close();
        }
    }

    @Test
    void aSuperAdminCannotWriteTheStatusOfItsApp() {
        awaitServed("postgres");
        await().atMost(WAIT)
                .until(() -> allowed(() -> attacker.resource(postgres("forged")).create()));
        await().atMost(WAIT).until(() -> helmRelease("postgres-forged") != null);

        assertForbidden(() -> attacker.genericKubernetesResources("apps.hearth.dev/v1alpha1", "Postgres")
                .inNamespace(TENANT)
                .withName("forged")
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), forgedReady()));

        // the main resource is the attacker's to patch, but the status subresource keeps its status out of reach
        attacker.genericKubernetesResources("apps.hearth.dev/v1alpha1", "Postgres")
                .inNamespace(TENANT)
                .withName("forged")
                .patch(PatchContext.of(PatchType.JSON_MERGE), forgedReady());
        assertThat(readyReasonOf("forged")).isNotEqualTo("Forged");
    }

    @Test
    void aForgedTenantStatusDoesNotReachTheValues() {
        awaitServed("postgres");
        GenericKubernetesResource app = admin.resource(postgres("wired")).create();
        await().atMost(WAIT).until(() -> namespaceValues(helmRelease("postgres-wired")), v -> !v.isEmpty());

        assertForbidden(() -> attacker.resources(Tenant.class)
                .inNamespace(PARENT)
                .withName(NAME)
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), siblingServices()));
        // as though it had got through (written by a manager that is not tenant-service)
        admin.resources(Tenant.class)
                .inNamespace(PARENT)
                .withName(NAME)
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), siblingServices());
        assertThat(admin.resources(Tenant.class)
                        .inNamespace(PARENT)
                        .withName(NAME)
                        .get()
                        .getStatus()
                        .services
                        .etcd)
                .isEqualTo(SIBLING);

        // a change of the instance reconciles it again, with whatever it would trust now
        attacker.genericKubernetesResources("apps.hearth.dev/v1alpha1", "Postgres")
                .inNamespace(TENANT)
                .withName(app.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":3}}");
        await().atMost(WAIT)
                .until(() -> values(helmRelease("postgres-wired")).get("replicas"), Integer.valueOf(3)::equals);
        assertThat(namespaceValues(helmRelease("postgres-wired"))).isEqualTo(expectedNamespaceValues());
    }

    @Test
    void namespaceValuesSmuggledIntoASpecAreReplacedByTheTenantsOwn() {
        // a kind whose schema keeps any field: the spec can carry _namespace, the values must not take it
        TestKubernetes.shared().withExtraAppKinds(OPEN_PLURAL);
        admin.resource(admin.getKubernetesSerialization()
                        .unmarshal(
                                """
                        apiVersion: platform.hearth.dev/v1alpha1
                        kind: ApplicationDefinition
                        metadata: {name: %s}
                        spec:
                          application:
                            kind: %s
                            singular: %s
                            plural: %s
                            openAPISchema: '{"type":"object","x-kubernetes-preserve-unknown-fields":true}'
                          release:
                            prefix: openapp-
                            chart: {name: openapp, version: 1.0.0, sourceRef: {kind: HelmRepository, name: hearth-apps, namespace: hearth-system}}
                        """.formatted(OPEN_PLURAL, OPEN_KIND, OPEN_PLURAL, OPEN_PLURAL),
                                ApplicationDefinition.class))
                .serverSideApply();
        awaitServed(OPEN_PLURAL);
        GenericKubernetesResource smuggler = instance(OPEN_KIND, "smuggler");
        smuggler.setAdditionalProperty(
                "spec",
                Map.of(
                        "_namespace",
                        Map.of("etcd", SIBLING, "ingress", SIBLING, "host", "sibling.example.org"),
                        "size",
                        "1Gi"));
        await().atMost(WAIT)
                .until(() -> allowed(() -> attacker.resource(smuggler).create()));
        assertThat(((Map<String, Object>) attacker.genericKubernetesResources("apps.hearth.dev/v1alpha1", OPEN_KIND)
                                .inNamespace(TENANT)
                                .withName("smuggler")
                                .get()
                                .getAdditionalProperties()
                                .get("spec"))
                        .get("_namespace"))
                .as("the API server kept the smuggled field")
                .isNotNull();

        await().atMost(WAIT).until(() -> helmRelease("openapp-smuggler") != null);
        assertThat(values(helmRelease("openapp-smuggler"))).containsEntry("size", "1Gi");
        assertThat(namespaceValues(helmRelease("openapp-smuggler"))).isEqualTo(expectedNamespaceValues());
    }

    private static Map<String, Object> expectedNamespaceValues() {
        return Map.of("etcd", "tenant-root", "ingress", TENANT, "monitoring", "tenant-root", "host", FACTS.host());
    }

    private static String siblingServices() {
        return "{\"status\":{\"services\":{\"etcd\":\"%s\",\"ingress\":\"%s\"},\"host\":\"sibling.example.org\"}}"
                .formatted(SIBLING, SIBLING);
    }

    private static String forgedReady() {
        return "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"Forged\","
                + "\"message\":\"\",\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}]}}";
    }

    private static String readyReasonOf(String name) {
        Map<String, Object> status =
                (Map<String, Object>) admin.genericKubernetesResources("apps.hearth.dev/v1alpha1", "Postgres")
                        .inNamespace(TENANT)
                        .withName(name)
                        .get()
                        .getAdditionalProperties()
                        .get("status");
        if (status == null) {
            return null;
        }
        return ((List<Map<String, Object>>) status.getOrDefault("conditions", List.of()))
                .stream()
                        .filter(c -> "Ready".equals(c.get("type")))
                        .map(c -> (String) c.get("reason"))
                        .findFirst()
                        .orElse(null);
    }

    private static void awaitServed(String definition) {
        await().atMost(WAIT).until(() -> {
            ApplicationDefinition served = admin.resources(ApplicationDefinition.class)
                    .withName(definition)
                    .get();
            return served != null && ReadyCondition.isReady(served.getStatus());
        });
    }

    private static GenericKubernetesResource postgres(String name) {
        GenericKubernetesResource postgres = instance("Postgres", name);
        postgres.setAdditionalProperty("spec", Map.of());
        return postgres;
    }

    private static GenericKubernetesResource instance(String kind, String name) {
        GenericKubernetesResource instance = new GenericKubernetesResource();
        instance.setApiVersion("apps.hearth.dev/v1alpha1");
        instance.setKind(kind);
        instance.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(TENANT).build());
        return instance;
    }

    private static GenericKubernetesResource helmRelease(String name) {
        return admin.genericKubernetesResources("helm.toolkit.fluxcd.io/v2", "HelmRelease")
                .inNamespace(TENANT)
                .withName(name)
                .get();
    }

    private static Map<String, Object> values(GenericKubernetesResource helmRelease) {
        if (helmRelease == null) {
            return Map.of();
        }
        Map<String, Object> spec =
                (Map<String, Object>) helmRelease.getAdditionalProperties().get("spec");
        return (Map<String, Object>) spec.getOrDefault("values", Map.of());
    }

    private static Map<String, Object> namespaceValues(GenericKubernetesResource helmRelease) {
        return (Map<String, Object>) values(helmRelease).getOrDefault("_namespace", Map.of());
    }
}
