package dev.hearth.tenant.kubeconfig;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The tenant's kubeconfig, Secret {@value #SECRET} under key {@value #KEY}: the management cluster's API server, one
 * context whose default namespace is the tenant's, and a user whose token {@code kubectl oidc-login} (int128/kubelogin)
 * fetches from the OIDC provider. It holds no secret material; it is a Secret so that it is read like every other
 * credential a tenant gets.
 */
public final class TenantKubeconfigFor {
    public static final String SECRET = "tenant-kubeconfig";
    public static final String KEY = "kubeconfig";
    static final String CLUSTER = "hearth";
    static final String USER = "oidc";

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    private TenantKubeconfigFor() {}

    public static Secret desired(TenantPlacement placement, KubeconfigSettings settings) {
        String kubeconfig = YAML.asYaml(kubeconfig(placement, settings));
        return new SecretBuilder()
                .withNewMetadata()
                .withName(SECRET)
                .withNamespace(placement.namespace())
                .withLabels(placement.objectLabels())
                .endMetadata()
                .withType("Opaque")
                // data, not stringData: the API server keeps only data, which the service compares with what it wants
                .withData(Map.of(KEY, Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8))))
                .build();
    }

    static Config kubeconfig(TenantPlacement placement, KubeconfigSettings settings) {
        String context = placement.namespace();
        return new ConfigBuilder()
                .withApiVersion("v1")
                .withKind("Config")
                .addNewCluster()
                .withName(CLUSTER)
                .withNewCluster()
                .withServer(settings.server())
                .withCertificateAuthorityData(settings.certificateAuthorityData())
                .endCluster()
                .endCluster()
                .addNewContext()
                .withName(context)
                .withNewContext()
                .withCluster(CLUSTER)
                .withUser(USER)
                .withNamespace(placement.namespace())
                .endContext()
                .endContext()
                .withCurrentContext(context)
                .addNewUser()
                .withName(USER)
                .withNewUser()
                .withNewExec()
                .withApiVersion("client.authentication.k8s.io/v1")
                .withCommand("kubectl")
                .withArgs(List.of(
                        "oidc-login",
                        "get-token",
                        "--oidc-issuer-url=" + settings.oidcIssuerUrl(),
                        "--oidc-client-id=" + settings.oidcClientId()))
                // kubelogin logs in through the browser, never on stdin (its own setup says Never as well)
                .withInteractiveMode("Never")
                .endExec()
                .endUser()
                .endUser()
                .build();
    }
}
