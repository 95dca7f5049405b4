package dev.hearth.kubernetes.cluster;

import static dev.hearth.core.testing.Refusals.assertForbidden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.api.kubernetes.Kubernetes;
import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A tenant cluster's admin kubeconfig on a real API server, tried as tenant users would: the tenant's admins (and its
 * ancestors') read the Secret Kamaji writes; its use level and a sibling's admins are refused, and nobody lists
 * Secrets. Deleting the cluster takes the access with it. kube-controller-manager runs, so garbage collection is real.
 */
@QuarkusTest
@QuarkusTestResource(
        value = KubeApiServerTestResource.class,
        initArgs = {
            @ResourceArg(name = "upstreamCrds", value = TenantClusters.UPSTREAM_CRDS),
            @ResourceArg(name = "controllerManager", value = "true")
        })
class AdminKubeconfigAccessIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(45);
    private static final String SECRET = "kubernetes-dev-admin-kubeconfig";
    private static final String READER = SECRET + "-reader";
    private static final String MINIMAL =
            "apiVersion: apps.hearth.dev/v1alpha1\nkind: Kubernetes\nmetadata:\n  name: dev\nspec: {}\n";

    private static final KubernetesClient CLIENT = TestKubernetes.shared().client();
    private static String own;
    private static String sibling;

    @BeforeAll
    static void aClusterWithItsKubeconfig() {
        var tenants = new TenantClusters(CLIENT);
        own = tenants.newTenant(true).getStatus().namespace;
        sibling = tenants.newTenant(true).getStatus().namespace;
        tenants.create(own, MINIMAL);
        await().atMost(TIMEOUT).until(() -> role(own) != null && binding(own) != null);
        // as Kamaji writes it for the control plane
        CLIENT.secrets()
                .inNamespace(own)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(SECRET)
                        .endMetadata()
                        .addToStringData("admin.conf", "apiVersion: v1\nkind: Config\n")
                        .addToStringData("super-admin.svc", "apiVersion: v1\nkind: Config\n")
                        .build())
                .create();
    }

    @Test
    void theTenantsAdminsAndItsAncestorsAdminsReadIt() {
        for (String group : new String[] {own + "-admin", own + "-super-admin", "tenant-root-admin"}) {
            try (KubernetesClient admin = TestKubernetes.shared().impersonating("alice", group)) {
                Secret secret =
                        admin.secrets().inNamespace(own).withName(SECRET).get();

                assertThat(secret.getData()).as(group).containsKey("super-admin.svc");
            }
        }
    }

    @Test
    void theUseLevelIsRefused() {
        for (String group : new String[] {own + "-use", own + "-view"}) {
            try (KubernetesClient user = TestKubernetes.shared().impersonating("bob", group)) {
                assertForbidden(
                        () -> user.secrets().inNamespace(own).withName(SECRET).get());
            }
        }
    }

    @Test
    void aSiblingsAdminIsRefused() {
        try (KubernetesClient mallory = TestKubernetes.shared().impersonating("mallory", sibling + "-super-admin")) {
            assertForbidden(
                    () -> mallory.secrets().inNamespace(own).withName(SECRET).get());
        }
    }

    @Test
    void anAdminListsNoSecrets() {
        try (KubernetesClient admin = TestKubernetes.shared().impersonating("alice", own + "-super-admin")) {
            assertForbidden(() -> admin.secrets().inNamespace(own).list());
        }
    }

    @Test
    void deletingTheClusterRemovesTheAccess() {
        String ns = new TenantClusters(CLIENT).newTenant(true).getStatus().namespace;
        new TenantClusters(CLIENT).create(ns, MINIMAL);
        await().atMost(TIMEOUT).until(() -> role(ns) != null && binding(ns) != null);

        CLIENT.resources(Kubernetes.class).inNamespace(ns).withName("dev").delete();

        await().atMost(TIMEOUT).until(() -> role(ns) == null && binding(ns) == null);
    }

    private static Role role(String namespace) {
        return CLIENT.resources(Role.class)
                .inNamespace(namespace)
                .withName(READER)
                .get();
    }

    private static RoleBinding binding(String namespace) {
        return CLIENT.resources(RoleBinding.class)
                .inNamespace(namespace)
                .withName(READER)
                .get();
    }
}
