package dev.hearth.tenant;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.hearth.tenant.kubeconfig.KubeconfigSettings;
import io.quarkus.runtime.Startup;

/**
 * The tenant kubeconfig settings, read once on start. Half a configuration stops the start with the properties to set,
 * rather than handing tenants kubeconfigs that cannot log in; none at all gives tenants no kubeconfig, logged once.
 */
@Startup
@ApplicationScoped
public class TenantKubeconfigs {
    private static final Logger LOG = Logger.getLogger(TenantKubeconfigs.class);

    private final Optional<KubeconfigSettings> settings;

    TenantKubeconfigs(TenantConfig config) {
        TenantConfig.Kubeconfig kubeconfig = config.kubeconfig();
        settings = KubeconfigSettings.of(
                kubeconfig.server(),
                kubeconfig.certificateAuthorityData(),
                kubeconfig.oidcIssuerUrl(),
                kubeconfig.oidcClientId());
        if (settings.isEmpty()) {
            LOG.infof(
                    "Tenants get no kubeconfig Secret: %sserver, oidc-issuer-url and oidc-client-id are not set",
                    KubeconfigSettings.PREFIX);
        }
    }

    public Optional<KubeconfigSettings> settings() {
        return settings;
    }
}
