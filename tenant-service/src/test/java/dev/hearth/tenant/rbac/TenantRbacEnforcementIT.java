package dev.hearth.tenant.rbac;

import static dev.hearth.core.testing.Refusals.allowed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMDiskSource;
import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.tenant.Tenants;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * RBAC enforced by the real API server, through impersonation: every level × the groups of every tenant × every
 * tenant namespace × create/get/list/delete of a VMDisk. A member of {@code <G>-<level>} may read in namespace N
 * exactly when G is N or one of its ancestors; create and delete need admin or super-admin. kube-controller-manager
 * runs, so the level roles are filled by the real clusterrole-aggregation controller; no level may write a status.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = @ResourceArg(name = "controllerManager", value = "true"))
class TenantRbacEnforcementIT {
    private static final ResourceDefinitionContext POSTGRES = context(ApiGroups.APPS, "Postgres", "postgreses");
    private static final ResourceDefinitionContext KUBERNETES = context(ApiGroups.APPS, "Kubernetes", "kuberneteses");
    private static final ResourceDefinitionContext VM_INSTANCE = context(ApiGroups.APPS, "VMInstance", "vminstances");

    private static final List<String> TENANTS = List.of("tenant-root", "tenant-foo", "tenant-foo-bar", "tenant-baz");
    private static final Map<String, KubernetesClient> CLIENTS = new HashMap<>();

    @BeforeAll
    static void tree() {
        TestKubernetes.shared().withControllerManager();
        // a catalog kind as apps-catalog would serve it, with a status subresource
        LevelRoles.catalogKindCrd(POSTGRES, "Postgres");
        Tenants.fooBarBaz();
        LevelRoles.awaitAggregated();
    }

    @AfterAll
    static void closeClients() {
        CLIENTS.values().forEach(KubernetesClient::close);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (AccessLevel level : AccessLevel.values()) {
            for (String groupTenant : TENANTS) {
                for (String namespace : TENANTS) {
                    rows.add(Arguments.of(
                            groupTenant + "-" + level.id(), namespace, expected(level, groupTenant, namespace)));
                }
            }
        }
        return rows.stream();
    }

    /** The rule under test, spelled out: read where the group's tenant is an ancestor or self, write from admin up. */
    private static String expected(AccessLevel level, String groupTenant, String namespace) {
        boolean inScope = namespace.equals(groupTenant)
                || groupTenant.equals("tenant-root")
                || namespace.startsWith(groupTenant + "-");
        if (!inScope) {
            return "none";
        }
        return level.ordinal() >= AccessLevel.ADMIN.ordinal() ? "read-write" : "read";
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @MethodSource("matrix")
    void vmDiskAccess(String group, String namespace, String expected) {
        KubernetesClient user =
                CLIENTS.computeIfAbsent(group, g -> TestKubernetes.shared().impersonating("alice", g));
        boolean read = !expected.equals("none");
        boolean write = expected.equals("read-write");
        String probe = "probe-" + suffix();
        Tenants.client().resource(disk(namespace, probe)).create();

        assertThat(allowed(() -> user.resources(VMDisk.class)
                        .inNamespace(namespace)
                        .withName(probe)
                        .get()))
                .as("get")
                .isEqualTo(read);
        assertThat(allowed(() ->
                        user.resources(VMDisk.class).inNamespace(namespace).list()))
                .as("list")
                .isEqualTo(read);
        assertThat(allowed(() ->
                        user.resource(disk(namespace, "created-" + suffix())).create()))
                .as("create")
                .isEqualTo(write);
        assertThat(allowed(() -> user.resources(VMDisk.class)
                        .inNamespace(namespace)
                        .withName(probe)
                        .delete()))
                .as("delete")
                .isEqualTo(write);
        if (!write) {
            assertThat(Tenants.client()
                            .resources(VMDisk.class)
                            .inNamespace(namespace)
                            .withName(probe)
                            .get())
                    .isNotNull();
        }
    }

    @Test
    void onlySuperAdminCreatesAChildTenant() {
        for (AccessLevel level : AccessLevel.values()) {
            try (KubernetesClient user = TestKubernetes.shared().impersonating("alice", "tenant-foo-" + level.id())) {
                Tenant child = new Tenant();
                child.setMetadata(new ObjectMetaBuilder()
                        .withName("child" + level.ordinal() + suffix().replace("-", ""))
                        .withNamespace("tenant-foo")
                        .build());
                boolean created = allowed(() -> user.resource(child).create());
                assertThat(created).as(level.id()).isEqualTo(level == AccessLevel.SUPER_ADMIN);
                if (created) {
                    Tenants.client().resource(child).delete();
                }
            }
        }
    }

    @Test
    void useAddsVmConsoleAndPowerActionsToView() {
        for (AccessLevel level : AccessLevel.values()) {
            try (KubernetesClient user = TestKubernetes.shared().impersonating("alice", "tenant-foo-" + level.id())) {
                boolean canStart =
                        can(user, "tenant-foo-bar", "subresources.kubevirt.io", "virtualmachines", "start", "update");
                boolean canConsole = can(
                        user,
                        "tenant-foo-bar",
                        "subresources.kubevirt.io",
                        "virtualmachineinstances",
                        "console",
                        "get");
                assertThat(canStart).as(level.id() + " start").isEqualTo(level != AccessLevel.VIEW);
                assertThat(canConsole).as(level.id() + " console").isEqualTo(level != AccessLevel.VIEW);
                assertThat(can(user, "tenant-baz", "subresources.kubevirt.io", "virtualmachines", "start", "update"))
                        .isFalse();
            }
        }
    }

    @Test
    void aTenantServiceAccountActsInItsTenantAndDescendantsOnly() {
        try (KubernetesClient sa = TestKubernetes.shared()
                .impersonating(
                        "system:serviceaccount:tenant-foo:tenant-foo",
                        "system:serviceaccounts",
                        "system:serviceaccounts:tenant-foo",
                        "system:authenticated")) {
            assertThat(allowed(() -> sa.resource(disk("tenant-foo-bar", "by-sa-" + suffix()))
                            .create()))
                    .isTrue();
            assertThat(allowed(() ->
                            sa.resource(disk("tenant-baz", "by-sa-" + suffix())).create()))
                    .isFalse();
            assertThat(allowed(() -> sa.resource(disk("tenant-root", "by-sa-" + suffix()))
                            .create()))
                    .isFalse();
        }
    }

    @Test
    void superAdminCannotWriteAnyStatus() {
        try (KubernetesClient user = TestKubernetes.shared().impersonating("alice", "tenant-foo-super-admin")) {
            String name = "forge" + suffix().replace("-", "");
            for (ResourceDefinitionContext kind : List.of(KUBERNETES, VM_INSTANCE, POSTGRES)) {
                user.genericKubernetesResources(kind)
                        .inNamespace("tenant-foo")
                        .resource(app(kind, name))
                        .create();
                assertStatusPatchForbidden(
                        () -> user.genericKubernetesResources(kind)
                                .inNamespace("tenant-foo")
                                .withName(name)
                                .subresource("status")
                                .patch(
                                        PatchContext.of(PatchType.JSON_MERGE),
                                        "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\","
                                                + "\"reason\":\"Forged\",\"message\":\"\","
                                                + "\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}]}}"),
                        kind.getPlural());
                user.genericKubernetesResources(kind)
                        .inNamespace("tenant-foo")
                        .withName(name)
                        .delete();
            }
            assertStatusPatchForbidden(
                    () -> user.resources(Tenant.class)
                            .inNamespace("tenant-foo")
                            .withName("bar")
                            .subresource("status")
                            .patch(
                                    PatchContext.of(PatchType.JSON_MERGE),
                                    "{\"status\":{\"services\":{\"etcd\":\"tenant-evil\"}}}"),
                    "tenants");
            assertThat(Tenants.get("tenant-foo", "bar").getStatus().services.etcd)
                    .isNotEqualTo("tenant-evil");
        }
    }

    @Test
    void superAdminCreatesPatchesAndDeletesATenantSpec() {
        try (KubernetesClient user = TestKubernetes.shared().impersonating("alice", "tenant-foo-super-admin")) {
            Tenant child = new Tenant();
            child.setMetadata(new ObjectMetaBuilder()
                    .withName("spec" + suffix().replace("-", ""))
                    .withNamespace("tenant-foo")
                    .build());
            user.resource(child).create();
            Tenant patched = user.resources(Tenant.class)
                    .inNamespace("tenant-foo")
                    .withName(child.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"seaweedfs\":false}}");
            assertThat(patched.getSpec().seaweedfs).isFalse();
            assertThat(user.resources(Tenant.class)
                            .inNamespace("tenant-foo")
                            .withName(child.getMetadata().getName())
                            .delete())
                    .isNotEmpty();
        }
    }

    @Test
    void aKindAddedAtRuntimeJoinsALevelThroughItsLabel() {
        String id = suffix().replace("-", "");
        ResourceDefinitionContext widgets = context("rbac-test.hearth.dev", "Widget" + id, "widgets" + id);
        LevelRoles.catalogKindCrd(widgets, "Widget" + id);
        try (KubernetesClient admin = TestKubernetes.shared().impersonating("alice", "tenant-foo-admin");
                KubernetesClient use = TestKubernetes.shared().impersonating("alice", "tenant-foo-use")) {
            assertThat(allowed(() -> admin.genericKubernetesResources(widgets)
                            .inNamespace("tenant-foo-bar")
                            .resource(app(widgets, "before"))
                            .create()))
                    .as("no role grants the new kind yet")
                    .isFalse();

            ClusterRole role = new ClusterRoleBuilder()
                    .withNewMetadata()
                    .withName("rbac-test:" + widgets.getPlural())
                    .addToLabels(ClusterRolesFor.aggregateLabel(AccessLevel.ADMIN), "true")
                    .endMetadata()
                    .addNewRule()
                    .withApiGroups(widgets.getGroup())
                    .withResources(widgets.getPlural())
                    .withVerbs("get", "list", "watch", "create", "update", "patch", "delete")
                    .endRule()
                    .build();
            Tenants.client().resource(role).create();

            await().atMost(LevelRoles.AGGREGATION)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> allowed(() -> admin.genericKubernetesResources(widgets)
                            .inNamespace("tenant-foo-bar")
                            .resource(app(widgets, "w" + suffix()))
                            .create()));
            assertThat(allowed(() -> use.genericKubernetesResources(widgets)
                            .inNamespace("tenant-foo-bar")
                            .resource(app(widgets, "by-use"))
                            .create()))
                    .as("use is below admin")
                    .isFalse();
            assertThat(allowed(() -> admin.genericKubernetesResources(widgets)
                            .inNamespace("tenant-baz")
                            .resource(app(widgets, "elsewhere"))
                            .create()))
                    .as("outside the tenant")
                    .isFalse();
            Tenants.client().resource(role).delete();
        }
    }

    private static void assertStatusPatchForbidden(Runnable patch, String what) {
        assertThatThrownBy(patch::run)
                .as(what + "/status")
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).as(what + "/status").isEqualTo(403));
    }

    private static ResourceDefinitionContext context(String group, String kind, String plural) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(ApiGroups.VERSION)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }

    private static GenericKubernetesResource app(ResourceDefinitionContext kind, String name) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(kind.getGroup() + "/" + kind.getVersion())
                .withKind(kind.getKind())
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToAdditionalProperties(
                        "spec",
                        kind.getKind().equals("VMInstance")
                                ? Map.of("disks", List.of(Map.of("name", "root")))
                                : Map.of())
                .build();
    }

    private static boolean can(
            KubernetesClient user, String namespace, String group, String resource, String subresource, String verb) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                .withNewSpec()
                .withNewResourceAttributes()
                .withNamespace(namespace)
                .withGroup(group)
                .withResource(resource)
                .withSubresource(subresource)
                .withVerb(verb)
                .endResourceAttributes()
                .endSpec()
                .build();
        return user.authorization()
                .v1()
                .selfSubjectAccessReview()
                .create(review)
                .getStatus()
                .getAllowed();
    }

    private static VMDisk disk(String namespace, String name) {
        VMDisk disk = new VMDisk();
        disk.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        disk.getSpec().source = new VMDiskSource();
        disk.getSpec().source.blank = new VMDiskSource.Empty();
        disk.getSpec().size = new Quantity("1Gi");
        return disk;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
