package dev.hearth.tenant.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.hearth.core.testing.YamlFixtures;
import dev.hearth.tenant.TenantObjectsFor;
import dev.hearth.tenant.Tenants;
import dev.hearth.tenant.lineage.TenantPlacement;
import dev.hearth.tenant.network.TenantNetwork;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * Given tenant bar under foo, its kubeconfig Secret, Role and RoleBinding are exactly golden/kubeconfig/bar.yaml, and
 * the kubeconfig inside is golden/kubeconfig/bar-kubeconfig.yaml (actual ones under target/golden-actual/).
 */
class TenantKubeconfigForTest {
    static final String CA = Base64.getEncoder()
            .encodeToString("-----BEGIN CERTIFICATE-----\nMIIBexample\n-----END CERTIFICATE-----\n"
                    .getBytes(StandardCharsets.US_ASCII));
    static final KubeconfigSettings SETTINGS = new KubeconfigSettings(
            "https://api.example.org:6443", CA, "https://login.example.org/realms/hearth", "kubectl");

    private static final TenantPlacement ROOT = TenantPlacement.root("example.org", true, false, true, false);
    private static final TenantPlacement BAR = TenantPlacement.childOf(
            TenantPlacement.childOf(ROOT, Tenants.fixture("tree/foo.yaml")), Tenants.fixture("tree/bar.yaml"));

    @Test
    void theSecretAndWhoMayReadIt() {
        List<HasMetadata> objects = List.of(
                TenantKubeconfigFor.desired(BAR, SETTINGS),
                KubeconfigReaderRoleFor.desired(BAR),
                KubeconfigReaderBindingFor.desired(BAR, "oidc:"));

        assertGolden("golden/kubeconfig/bar.yaml", objects);
    }

    @Test
    void theKubeconfigNamesTheServerTheTenantNamespaceAndTheOidcLogin() {
        Secret secret = TenantKubeconfigFor.desired(BAR, SETTINGS);
        String kubeconfig = decoded(secret);

        assertGolden("golden/kubeconfig/bar-kubeconfig.yaml", List.of(YamlFixtures.parse(kubeconfig, Map.class)));
        Config parsed = YamlFixtures.parse(kubeconfig, Config.class);
        assertThat(parsed.getContexts().get(0).getContext().getNamespace()).isEqualTo("tenant-foo-bar");
        assertThat(parsed.getUsers().get(0).getUser().getExec().getArgs())
                .containsExactly(
                        "oidc-login",
                        "get-token",
                        "--oidc-issuer-url=https://login.example.org/realms/hearth",
                        "--oidc-client-id=kubectl");
    }

    @Test
    void withoutACertificateAuthorityTheSystemRootsDecide() {
        var settings =
                new KubeconfigSettings(SETTINGS.server(), null, SETTINGS.oidcIssuerUrl(), SETTINGS.oidcClientId());

        Config parsed = YamlFixtures.parse(decoded(TenantKubeconfigFor.desired(BAR, settings)), Config.class);

        assertThat(parsed.getClusters().get(0).getCluster().getCertificateAuthorityData())
                .isNull();
        assertThat(parsed.getClusters().get(0).getCluster().getServer()).isEqualTo("https://api.example.org:6443");
    }

    @Test
    void aTenantHasTheThreeObjectsOnlyWhenKubeconfigsAreConfigured() {
        var with =
                TenantObjectsFor.desired(BAR, TenantNetwork.defaults(), Map.of(), "", List.of(), Optional.of(SETTINGS));
        var without =
                TenantObjectsFor.desired(BAR, TenantNetwork.defaults(), Map.of(), "", List.of(), Optional.empty());

        assertThat(with.inside())
                .extracting(o -> o.getKind() + " " + o.getMetadata().getName())
                .contains(
                        "Secret tenant-kubeconfig",
                        "Role hearth:tenant-kubeconfig",
                        "RoleBinding hearth:tenant-kubeconfig");
        assertThat(with.kubeconfig()).isPresent();
        assertThat(without.kubeconfig()).isEmpty();
        assertThat(with.inside()).hasSize(without.inside().size() + 3);
    }

    private static String decoded(Secret secret) {
        return new String(
                Base64.getDecoder().decode(secret.getData().get(TenantKubeconfigFor.KEY)), StandardCharsets.UTF_8);
    }

    private static void assertGolden(String path, List<?> objects) {
        assertThat(YamlFixtures.actual(path, objects))
                .as("actual in target/golden-actual/%s", path)
                .containsExactlyElementsOf(YamlFixtures.golden(path));
    }
}
