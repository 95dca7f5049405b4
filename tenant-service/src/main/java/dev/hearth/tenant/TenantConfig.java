package dev.hearth.tenant;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the tenant service; the root tenant has no Tenant object, so its settings live here. */
@ConfigMapping(prefix = "hearth.tenant")
public interface TenantConfig {

    /** Domain of tenant-root; children default to {@code <name>.<parent host>}. */
    @WithDefault("example.org")
    String rootHost();

    /** Prefix of the group names in RoleBindings, to match the API server's OIDC settings (e.g. {@code oidc:}). */
    Optional<String> groupPrefix();

    /** The shared services tenant-root runs itself. */
    Root root();

    /** What every tenant kubeconfig says; see {@link dev.hearth.tenant.kubeconfig.KubeconfigSettings}. */
    Kubeconfig kubeconfig();

    interface Root {
        @WithDefault("false")
        boolean etcd();

        @WithDefault("false")
        boolean ingress();

        @WithDefault("false")
        boolean monitoring();

        @WithDefault("false")
        boolean seaweedfs();
    }

    interface Kubeconfig {
        Optional<String> server();

        Optional<String> certificateAuthorityData();

        Optional<String> oidcIssuerUrl();

        Optional<String> oidcClientId();
    }
}
