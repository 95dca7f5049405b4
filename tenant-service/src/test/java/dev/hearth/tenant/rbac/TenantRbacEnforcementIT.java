package dev.hearth.tenant.rbac;

import static org.assertj.core.api.Assertions.assertThat;

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

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMDiskSource;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.tenant.Tenants;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * RBAC enforced by the real API server, through impersonation: every level × the groups of every tenant × every
 * tenant namespace × create/get/list/delete of a VMDisk. A member of {@code <G>-<level>} may read in namespace N
 * exactly when G is N or one of its ancestors; create and delete need admin or super-admin.
 */
@QuarkusTest
@QuarkusTestResource(KubeApiServerTestResource.class)
class TenantRbacEnforcementIT {
    private static final List<String> TENANTS = List.of("tenant-root", "tenant-foo", "tenant-foo-bar", "tenant-baz");
    private static final Map<String, KubernetesClient> CLIENTS = new HashMap<>();

    @BeforeAll
    static void tree() {
        Tenants.fooBarBaz();
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

    private static boolean allowed(Runnable call) {
        try {
            call.run();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                return false;
            }
            throw e;
        }
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
