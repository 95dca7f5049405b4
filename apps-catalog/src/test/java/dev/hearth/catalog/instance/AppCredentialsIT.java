package dev.hearth.catalog.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.catalog.testing.TenantNamespaces;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.tenant.TenantFacts;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.Refusals;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What an app exposes is readable by its tenant's {@code use} level and above and by nobody else, tried as each user
 * would: apps-catalog runs as in {@code CatalogIT}, the Secrets are created as the chart would create them, and the
 * requests go through impersonation, so the real API server's RBAC decides. kube-controller-manager runs, so the
 * garbage collector really removes the credentials of a deleted instance.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {
            @ResourceArg(name = "upstreamCrds", value = "helm.toolkit.fluxcd.io,source.toolkit.fluxcd.io"),
            @ResourceArg(name = "controllerManager", value = "true")
        })
class AppCredentialsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ID =
            UUID.randomUUID().toString().substring(0, 6).replace("-", "");
    /** tenant-cr<id> with the children app (where the apps live) and sib. */
    private static final String PARENT = "tenant-cr" + ID;

    private static final String APP = PARENT + "-app";
    private static final String SIBLING = PARENT + "-sib";
    private static final Map<String, KubernetesClient> USERS = new HashMap<>();
    private static KubernetesClient admin;

    @BeforeAll
    static void tenants() {
        admin = TestKubernetes.shared().client();
        for (String namespace : List.of("tenant-root", PARENT, APP, SIBLING)) {
            TenantNamespaces.apply(admin, namespace, TenantFacts.NONE);
        }
    }

    @AfterAll
    static void closeUsers() {
        USERS.values().forEach(KubernetesClient::close);
    }

    @Test
    void thePostgresCredentialsAreReadByTheTenantsUseLevelAndAboveOnly() {
        awaitServed("postgres");
        createPostgres("db");
        createSecret("postgres-db-credentials");
        createSecret("other-secret");
        admin.resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("postgres-db-rw")
                        .withNamespace(APP)
                        .endMetadata()
                        .withNewSpec()
                        .addNewPort()
                        .withPort(5432)
                        .endPort()
                        .endSpec()
                        .build())
                .create();

        // RBAC reads its rules from a cache: the first allowed read says the binding has arrived
        await().atMost(WAIT).until(() -> allowed(user(APP + "-use"), getSecret("postgres-db-credentials")));
        assertThat(user(APP + "-use")
                        .secrets()
                        .inNamespace(APP)
                        .withName("postgres-db-credentials")
                        .get()
                        .getData())
                .containsKey("password");
        assertThat(allowed(
                        user(APP + "-use"),
                        c -> c.services()
                                .inNamespace(APP)
                                .withName("postgres-db-rw")
                                .get()))
                .as("an exposed Service")
                .isTrue();
        assertThat(allowed(user(PARENT + "-admin"), getSecret("postgres-db-credentials")))
                .as("the parent's admins")
                .isTrue();
        assertThat(allowed(user("tenant-root-use"), getSecret("postgres-db-credentials")))
                .as("tenant-root's users")
                .isTrue();
        assertThat(allowed(user(APP + "-super-admin"), getSecret("postgres-db-credentials")))
                .isTrue();

        assertThat(allowed(user(APP + "-view"), getSecret("postgres-db-credentials")))
                .as("view is below use")
                .isFalse();
        assertThat(allowed(user(SIBLING + "-use"), getSecret("postgres-db-credentials")))
                .as("a sibling's users")
                .isFalse();
        assertThat(allowed(user(SIBLING + "-super-admin"), getSecret("postgres-db-credentials")))
                .as("a sibling's super-admins")
                .isFalse();
        assertThat(allowed(user(PARENT + "-view"), getSecret("postgres-db-credentials")))
                .as("the parent's viewers")
                .isFalse();
        for (String group : List.of(APP + "-use", APP + "-super-admin", PARENT + "-admin")) {
            assertThat(allowed(user(group), getSecret("other-secret")))
                    .as(group + " reads a Secret nobody exposed")
                    .isFalse();
            assertThat(allowed(user(group), c -> c.secrets().inNamespace(APP).list()))
                    .as(group + " lists Secrets")
                    .isFalse();
            assertThat(allowed(
                            user(group),
                            c -> c.secrets()
                                    .inNamespace(APP)
                                    .withName("postgres-db-credentials")
                                    .edit(s -> {
                                        s.getMetadata().setLabels(Map.of("stolen", "true"));
                                        return s;
                                    })))
                    .as(group + " writes the exposed Secret")
                    .isFalse();
        }
    }

    @Test
    void aHandEditedCredentialsRoleIsRestored() {
        awaitServed("postgres");
        createPostgres("edited");
        String name = "hearth:credentials:postgres:edited";
        await().atMost(WAIT).until(() -> role(name) != null);

        admin.rbac()
                .roles()
                .inNamespace(APP)
                .withName(name)
                .patch(
                        PatchContext.of(PatchType.JSON),
                        "[{\"op\": \"add\", \"path\": \"/rules/0/verbs/-\", \"value\": \"list\"},"
                                + " {\"op\": \"remove\", \"path\": \"/rules/0/resourceNames\"}]");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(role(name).getRules().get(0)).satisfies(rule -> {
                    assertThat(rule.getVerbs()).containsExactly("get", "watch");
                    assertThat(rule.getResourceNames()).containsExactly("postgres-edited-credentials");
                }));

        admin.rbac().roleBindings().inNamespace(APP).withName(name).delete();
        await().atMost(WAIT).until(() -> roleBinding(name) != null);
    }

    @Test
    void aCredentialsRoleBindingHandEditedToGrantASiblingIsRestored() {
        awaitServed("postgres");
        createPostgres("leaky");
        createSecret("postgres-leaky-credentials");
        String name = "hearth:credentials:postgres:leaky";
        await().atMost(WAIT).until(() -> allowed(user(APP + "-use"), getSecret("postgres-leaky-credentials")));
        List<Subject> granted = roleBinding(name).getSubjects();

        admin.rbac()
                .roleBindings()
                .inNamespace(APP)
                .withName(name)
                .patch(
                        PatchContext.of(PatchType.JSON),
                        "[{\"op\": \"add\", \"path\": \"/subjects/-\", \"value\": {\"kind\": \"Group\","
                                + " \"apiGroup\": \"rbac.authorization.k8s.io\", \"name\": \"" + SIBLING + "-use\"}}]");

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(roleBinding(name).getSubjects()).isEqualTo(granted));
        await().atMost(WAIT).until(() -> !allowed(user(SIBLING + "-use"), getSecret("postgres-leaky-credentials")));
        assertThat(allowed(user(APP + "-use"), getSecret("postgres-leaky-credentials")))
                .isTrue();
    }

    @Test
    void deletingTheInstanceDeletesItsCredentialsRoleAndBinding() {
        awaitServed("postgres");
        createPostgres("gone");
        createSecret("postgres-gone-credentials");
        String name = "hearth:credentials:postgres:gone";
        await().atMost(WAIT).until(() -> allowed(user(APP + "-use"), getSecret("postgres-gone-credentials")));

        admin.genericKubernetesResources("apps.hearth.dev/v1alpha1", "Postgres")
                .inNamespace(APP)
                .withName("gone")
                .delete();

        await().atMost(WAIT).until(() -> role(name) == null && roleBinding(name) == null);
        await().atMost(WAIT).until(() -> !allowed(user(APP + "-use"), getSecret("postgres-gone-credentials")));
    }

    @Test
    void changingWhatTheDefinitionExposesChangesTheRoleAndExposingNothingRemovesIt() {
        String kind = "Keystore" + ID;
        String plural = "keystores" + ID;
        String definitionName = "keystore" + ID;
        TestKubernetes.shared().withExtraAppKinds(plural);
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
                            openAPISchema: '{"type":"object","properties":{"replicas":{"type":"integer","default":1}}}'
                          release:
                            prefix: keystore-
                            chart: {name: keystore, version: 1.0.0, sourceRef: {kind: HelmRepository, name: hearth-apps, namespace: hearth-system}}
                          exposes:
                            secrets: ["keystore-{name}-auth"]
                        """.formatted(definitionName, kind, definitionName, plural),
                                ApplicationDefinition.class))
                .serverSideApply();
        awaitServed(definitionName);
        GenericKubernetesResource instance = new GenericKubernetesResource();
        instance.setApiVersion("apps.hearth.dev/v1alpha1");
        instance.setKind(kind);
        instance.setMetadata(
                new ObjectMetaBuilder().withName("ks").withNamespace(APP).build());
        instance.setAdditionalProperty("spec", Map.of());
        admin.resource(instance).create();
        createSecret("keystore-ks-auth");
        createSecret("keystore-ks-token");
        String role = "hearth:credentials:" + kind.toLowerCase() + ":ks";
        await().atMost(WAIT).until(() -> allowed(user(APP + "-use"), getSecret("keystore-ks-auth")));
        assertThat(allowed(user(APP + "-use"), getSecret("keystore-ks-token"))).isFalse();

        exposeSecrets(definitionName, "[\"keystore-{name}-token\"]");
        await().atMost(WAIT)
                .until(() -> role(role).getRules().get(0).getResourceNames().equals(List.of("keystore-ks-token")));
        await().atMost(WAIT).until(() -> allowed(user(APP + "-use"), getSecret("keystore-ks-token")));
        await().atMost(WAIT).until(() -> !allowed(user(APP + "-use"), getSecret("keystore-ks-auth")));

        exposeSecrets(definitionName, "[]");
        await().atMost(WAIT).until(() -> role(role) == null && roleBinding(role) == null);
        await().atMost(WAIT).until(() -> !allowed(user(APP + "-use"), getSecret("keystore-ks-token")));
    }

    private static void exposeSecrets(String definition, String secrets) {
        admin.resources(ApplicationDefinition.class)
                .withName(definition)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"exposes\":{\"secrets\":" + secrets + "}}}");
    }

    private static void awaitServed(String definition) {
        await().atMost(WAIT).until(() -> {
            ApplicationDefinition served = admin.resources(ApplicationDefinition.class)
                    .withName(definition)
                    .get();
            return served != null && ReadyCondition.isReady(served.getStatus());
        });
    }

    private static void createPostgres(String name) {
        GenericKubernetesResource postgres = new GenericKubernetesResource();
        postgres.setApiVersion("apps.hearth.dev/v1alpha1");
        postgres.setKind("Postgres");
        postgres.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(APP).build());
        postgres.setAdditionalProperty("spec", Map.of());
        admin.resource(postgres).create();
    }

    /** As the app's chart creates it. */
    private static void createSecret(String name) {
        admin.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(APP)
                        .endMetadata()
                        .addToStringData("password", "s3cret-" + name)
                        .build())
                .create();
    }

    private static Role role(String name) {
        return admin.rbac().roles().inNamespace(APP).withName(name).get();
    }

    private static RoleBinding roleBinding(String name) {
        return admin.rbac().roleBindings().inNamespace(APP).withName(name).get();
    }

    private static Function<KubernetesClient, Object> getSecret(String name) {
        return c -> c.secrets().inNamespace(APP).withName(name).get();
    }

    /** A member of the tenant group {@code group} (no prefix: the tests run with the default). */
    private static KubernetesClient user(String group) {
        return USERS.computeIfAbsent(group, g -> TestKubernetes.shared().impersonating("alice", g));
    }

    /** Whether the API server lets {@code user} make the call; a refusal must be a 403, nothing else. */
    private static boolean allowed(KubernetesClient user, Function<KubernetesClient, ?> call) {
        return Refusals.allowed(() -> call.apply(user));
    }
}
