package dev.hearth.tenant.kubeconfig;

import static dev.hearth.core.testing.Refusals.assertForbidden;
import static dev.hearth.tenant.Tenants.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.KubeApiServerTestResource;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.YamlFixtures;
import dev.hearth.tenant.Tenants;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The tenant kubeconfig on a real API server, tried as tenant users would: bar's viewers (and foo's, its parent's)
 * read it and get a kubeconfig for tenant-foo-bar; baz's users, bar's siblings, are refused, and nobody may list
 * Secrets.
 */
@QuarkusTest
@TestProfile(TenantKubeconfigIT.WithKubeconfigs.class)
@QuarkusTestResource(KubeApiServerTestResource.class)
class TenantKubeconfigIT {
    private static final String SERVER = "https://api.hearth.test:6443";
    private static final String ISSUER = "https://login.hearth.test/realms/hearth";

    public static class WithKubeconfigs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "hearth.tenant.kubeconfig.server", SERVER,
                    "hearth.tenant.kubeconfig.oidc-issuer-url", ISSUER,
                    "hearth.tenant.kubeconfig.oidc-client-id", "hearth-cli");
        }
    }

    @BeforeAll
    static void tree() {
        Tenants.fooBarBaz();
        await().atMost(Tenants.TIMEOUT).until(() -> secret("tenant-foo-bar") != null && secret("tenant-baz") != null);
    }

    @Test
    void aViewerOfTheTenantGetsAKubeconfigForItsNamespace() {
        try (KubernetesClient viewer = TestKubernetes.shared().impersonating("alice", "tenant-foo-bar-view")) {
            Secret secret = viewer.secrets()
                    .inNamespace("tenant-foo-bar")
                    .withName(TenantKubeconfigFor.SECRET)
                    .get();

            Config kubeconfig = YamlFixtures.parse(
                    new String(
                            Base64.getDecoder().decode(secret.getData().get(TenantKubeconfigFor.KEY)),
                            StandardCharsets.UTF_8),
                    Config.class);
            assertThat(kubeconfig.getCurrentContext()).isEqualTo("tenant-foo-bar");
            assertThat(kubeconfig.getContexts().get(0).getContext().getNamespace())
                    .isEqualTo("tenant-foo-bar");
            assertThat(kubeconfig.getClusters().get(0).getCluster().getServer()).isEqualTo(SERVER);
            var exec = kubeconfig.getUsers().get(0).getUser().getExec();
            assertThat(exec.getCommand()).isEqualTo("kubectl");
            assertThat(exec.getArgs())
                    .containsExactly(
                            "oidc-login", "get-token", "--oidc-issuer-url=" + ISSUER, "--oidc-client-id=hearth-cli");
        }
    }

    @Test
    void theParentsViewersReadItToo() {
        try (KubernetesClient parent = TestKubernetes.shared().impersonating("alice", "tenant-foo-view")) {
            assertThat(parent.secrets()
                            .inNamespace("tenant-foo-bar")
                            .withName(TenantKubeconfigFor.SECRET)
                            .get())
                    .isNotNull();
        }
    }

    @Test
    void aSiblingsUserIsRefused() {
        for (String level : new String[] {"view", "super-admin"}) {
            try (KubernetesClient sibling = TestKubernetes.shared().impersonating("mallory", "tenant-baz-" + level)) {
                assertForbidden(() -> sibling.secrets()
                        .inNamespace("tenant-foo-bar")
                        .withName(TenantKubeconfigFor.SECRET)
                        .get());
                // its own tenant's kubeconfig it may read
                assertThat(sibling.secrets()
                                .inNamespace("tenant-baz")
                                .withName(TenantKubeconfigFor.SECRET)
                                .get())
                        .isNotNull();
            }
        }
    }

    @Test
    void nobodyListsSecretsNorReadsAnotherOne() {
        client().secrets()
                .inNamespace("tenant-foo-bar")
                .resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
                        .withNewMetadata()
                        .withName("someone-elses")
                        .endMetadata()
                        .addToStringData("password", "hunter2")
                        .build())
                .createOr(existing -> existing.update());
        try (KubernetesClient owner = TestKubernetes.shared().impersonating("alice", "tenant-foo-bar-super-admin")) {
            assertForbidden(() -> owner.secrets().inNamespace("tenant-foo-bar").list());
            assertForbidden(() -> owner.secrets()
                    .inNamespace("tenant-foo-bar")
                    .withName("someone-elses")
                    .get());
            assertForbidden(() -> owner.secrets()
                    .inNamespace("tenant-foo-bar")
                    .withName(TenantKubeconfigFor.SECRET)
                    .edit(s -> {
                        s.getData().put(TenantKubeconfigFor.KEY, "");
                        return s;
                    }));
        }
    }

    @Test
    void aHandDeletedRoleComesBackAndTheRestIsNotWrittenAgain() {
        String secretVersion = secret("tenant-baz").getMetadata().getResourceVersion();
        String bindingVersion = client().resources(RoleBinding.class)
                .inNamespace("tenant-baz")
                .withName(KubeconfigReaderRoleFor.NAME)
                .get()
                .getMetadata()
                .getResourceVersion();

        client().resources(Role.class)
                .inNamespace("tenant-baz")
                .withName(KubeconfigReaderRoleFor.NAME)
                .delete();

        await().atMost(Tenants.TIMEOUT)
                .until(() -> client().resources(Role.class)
                                .inNamespace("tenant-baz")
                                .withName(KubeconfigReaderRoleFor.NAME)
                                .get()
                        != null);
        // the reconcile that restored the Role found the Secret and the RoleBinding as desired
        assertThat(secret("tenant-baz").getMetadata().getResourceVersion()).isEqualTo(secretVersion);
        assertThat(client().resources(RoleBinding.class)
                        .inNamespace("tenant-baz")
                        .withName(KubeconfigReaderRoleFor.NAME)
                        .get()
                        .getMetadata()
                        .getResourceVersion())
                .isEqualTo(bindingVersion);
    }

    private static Secret secret(String namespace) {
        return client().secrets()
                .inNamespace(namespace)
                .withName(TenantKubeconfigFor.SECRET)
                .get();
    }
}
