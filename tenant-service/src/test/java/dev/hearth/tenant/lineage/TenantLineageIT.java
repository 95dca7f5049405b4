package dev.hearth.tenant.lineage;

import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.tenant.TenantServices;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.tenant.Tenants;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** tenant-root → foo → bar and sibling baz, against the real API server: namespaces, labels and status. */
@QuarkusTest
@QuarkusTestResource(KubeApiServerTestResource.class)
class TenantLineageIT {

    @BeforeAll
    static void tree() {
        Tenants.fooBarBaz();
    }

    @Test
    void rootNamespaceIsEnsuredOnStartAndRefusesDeletionByLabel() {
        assertThat(client().namespaces()
                        .withName("tenant-root")
                        .get()
                        .getMetadata()
                        .getLabels())
                .containsOnly(
                        entry("kubernetes.io/metadata.name", "tenant-root"),
                        entry("pod-security.kubernetes.io/enforce", "baseline"),
                        entry("pod-security.kubernetes.io/warn", "baseline"),
                        entry("pod-security.kubernetes.io/audit", "restricted"),
                        entry("app.kubernetes.io/managed-by", "hearth-tenant-service"),
                        entry("hearth.dev/tenant", "tenant-root"),
                        entry("tenant.hearth.dev/tenant-root", ""),
                        entry("hearth.dev/no-delete", "true"));
    }

    @Test
    void theApiServerRefusesToDeleteTheRootNamespace() {
        // dry runs pass through admission without deleting anything, so a failure here cannot break other tests
        await().atMost(Tenants.TIMEOUT)
                .untilAsserted(() -> assertThatThrownBy(() -> client().namespaces()
                                .withName("tenant-root")
                                .dryRun()
                                .delete())
                        .isInstanceOf(KubernetesClientException.class)
                        .hasMessageContaining("ValidatingAdmissionPolicy 'hearth-no-delete'")
                        .hasMessageContaining(
                                "this object is labelled hearth.dev/no-delete=true and cannot be deleted"));
        assertThat(client().namespaces().withName("tenant-baz").dryRun().delete())
                .isNotEmpty();
    }

    @Test
    void namespacesCarryTheirLineage() {
        assertThat(labels("tenant-foo"))
                .containsOnly(
                        entry("kubernetes.io/metadata.name", "tenant-foo"),
                        entry("pod-security.kubernetes.io/enforce", "baseline"),
                        entry("pod-security.kubernetes.io/warn", "baseline"),
                        entry("pod-security.kubernetes.io/audit", "restricted"),
                        entry("app.kubernetes.io/managed-by", "hearth-tenant-service"),
                        entry("hearth.dev/tenant", "tenant-foo"),
                        entry("hearth.dev/parent", "tenant-root"),
                        entry("tenant.hearth.dev/tenant-root", ""),
                        entry("tenant.hearth.dev/tenant-foo", ""));
        assertThat(labels("tenant-foo-bar"))
                .containsOnly(
                        entry("kubernetes.io/metadata.name", "tenant-foo-bar"),
                        entry("pod-security.kubernetes.io/enforce", "baseline"),
                        entry("pod-security.kubernetes.io/warn", "baseline"),
                        entry("pod-security.kubernetes.io/audit", "restricted"),
                        entry("app.kubernetes.io/managed-by", "hearth-tenant-service"),
                        entry("hearth.dev/tenant", "tenant-foo-bar"),
                        entry("hearth.dev/parent", "tenant-foo"),
                        entry("tenant.hearth.dev/tenant-root", ""),
                        entry("tenant.hearth.dev/tenant-foo", ""),
                        entry("tenant.hearth.dev/tenant-foo-bar", ""));
        assertThat(labels("tenant-baz"))
                .containsOnly(
                        entry("kubernetes.io/metadata.name", "tenant-baz"),
                        entry("pod-security.kubernetes.io/enforce", "baseline"),
                        entry("pod-security.kubernetes.io/warn", "baseline"),
                        entry("pod-security.kubernetes.io/audit", "restricted"),
                        entry("app.kubernetes.io/managed-by", "hearth-tenant-service"),
                        entry("hearth.dev/tenant", "tenant-baz"),
                        entry("hearth.dev/parent", "tenant-root"),
                        entry("tenant.hearth.dev/tenant-root", ""),
                        entry("tenant.hearth.dev/tenant-baz", ""));
    }

    @Test
    void statusSaysWhereEachTenantSitsAndWhatItInherits() {
        // tenant-root runs etcd and monitoring (test configuration); foo runs etcd and ingress; bar runs seaweedfs
        Tenant foo = Tenants.get("tenant-root", "foo");

        assertThat(foo.getStatus().namespace).isEqualTo("tenant-foo");
        assertThat(foo.getStatus().path).containsExactly("tenant-root", "tenant-foo");
        assertThat(foo.getStatus().host).isEqualTo("foo.example.org");
        assertServices(foo, new TenantServices("tenant-foo", "tenant-foo", "tenant-root", null));

        Tenant bar = Tenants.get("tenant-foo", "bar");
        assertThat(bar.getStatus().namespace).isEqualTo("tenant-foo-bar");
        assertThat(bar.getStatus().path).containsExactly("tenant-root", "tenant-foo", "tenant-foo-bar");
        assertThat(bar.getStatus().host).isEqualTo("bar.foo.example.org");
        assertServices(bar, new TenantServices("tenant-foo", "tenant-foo", "tenant-root", "tenant-foo-bar"));

        Tenant baz = Tenants.get("tenant-root", "baz");
        assertThat(baz.getStatus().namespace).isEqualTo("tenant-baz");
        assertThat(baz.getStatus().path).containsExactly("tenant-root", "tenant-baz");
        assertThat(baz.getStatus().host).isEqualTo("baz.example.net");
        assertServices(baz, new TenantServices("tenant-root", null, "tenant-root", null));

        assertThat(ReadyCondition.find(bar.getStatus().conditions, "Ready")
                        .orElseThrow()
                        .getMessage())
                .isEqualTo("Namespace tenant-foo-bar is ready with its RBAC and network policies");
    }

    @Test
    void aTenantInANamespaceOfNoTenantSaysWhereTenantsGo() {
        String namespace = TestKubernetes.shared().newNamespace("lineage-plain");
        Tenant stray = new Tenant();
        stray.setMetadata(new ObjectMetaBuilder()
                .withName("stray")
                .withNamespace(namespace)
                .build());
        Tenants.apply(stray);

        Tenant refused = Tenants.awaitReason(namespace, "stray", "NotInTenantNamespace");

        assertThat(ReadyCondition.find(refused.getStatus().conditions, "Ready")
                        .orElseThrow()
                        .getMessage())
                .isEqualTo("Namespace " + namespace + " belongs to no tenant: a Tenant is created in the namespace of"
                        + " its parent tenant (tenant-root or a tenant-<path> namespace); create it there instead");
        assertThat(refused.getStatus().namespace).isNull();
        assertThat(client().namespaces().withName("tenant-stray").get()).isNull();
    }

    @Test
    void aNamespaceLongerThan63CharactersIsRefusedWithoutCreatingIt() {
        String parentName = "l".repeat(40);
        Tenant parent = new Tenant();
        parent.setMetadata(new ObjectMetaBuilder()
                .withName(parentName)
                .withNamespace("tenant-root")
                .build());
        Tenants.apply(parent);
        Tenants.awaitReason("tenant-root", parentName, "NamespaceReady");

        Tenant child = new Tenant();
        child.setMetadata(new ObjectMetaBuilder()
                .withName("c".repeat(20))
                .withNamespace("tenant-" + parentName)
                .build());
        Tenants.apply(child);
        Tenant refused = Tenants.awaitReason("tenant-" + parentName, "c".repeat(20), "InvalidName");

        String namespace = "tenant-" + parentName + "-" + "c".repeat(20);
        assertThat(ReadyCondition.find(refused.getStatus().conditions, "Ready")
                        .orElseThrow()
                        .getMessage())
                .isEqualTo("Tenant namespace '" + namespace
                        + "' would be 68 characters long, more than the 63 Kubernetes allows: "
                        + "choose a shorter name or nest less deeply");
        assertThat(refused.getStatus().namespace).isNull();
        assertThat(client().namespaces().withName(namespace).get()).isNull();
    }

    @Test
    void changingTheParentHostPropagatesToChildren() {
        Tenant parent = new Tenant();
        parent.setMetadata(new ObjectMetaBuilder()
                .withName("hosting")
                .withNamespace("tenant-root")
                .build());
        parent.getSpec().host = "first.example.com";
        Tenants.apply(parent);
        Tenant child = new Tenant();
        child.setMetadata(new ObjectMetaBuilder()
                .withName("web")
                .withNamespace("tenant-hosting")
                .build());
        org.awaitility.Awaitility.await()
                .atMost(Tenants.TIMEOUT)
                .until(() -> client().namespaces().withName("tenant-hosting").get() != null);
        Tenants.apply(child);
        assertThat(Tenants.awaitReason("tenant-hosting", "web", "NamespaceReady")
                        .getStatus()
                        .host)
                .isEqualTo("web.first.example.com");

        parent.getSpec().host = "second.example.com";
        Tenants.apply(parent);

        org.awaitility.Awaitility.await()
                .atMost(Tenants.TIMEOUT)
                .untilAsserted(
                        () -> assertThat(Tenants.get("tenant-hosting", "web").getStatus().host)
                                .isEqualTo("web.second.example.com"));
    }

    private static Map<String, String> labels(String namespace) {
        return client().namespaces().withName(namespace).get().getMetadata().getLabels();
    }

    private static void assertServices(Tenant tenant, TenantServices expected) {
        assertThat(tenant.getStatus().services).usingRecursiveComparison().isEqualTo(expected);
    }
}
