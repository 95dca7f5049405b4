package dev.hearth.catalog.instance;

import jakarta.inject.Singleton;

import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;

/**
 * Names the service first in its client's User-Agent: the API server takes the field manager of a write that names
 * none (a plain create) from it, so the HelmReleases the service creates are owned by its field manager.
 */
@Singleton
public class ServiceUserAgent implements KubernetesConfigCustomizer {
    @Override
    public void customize(Config config) {
        config.setUserAgent(HelmReleaseWriter.FIELD_MANAGER + "/" + config.getUserAgent());
    }
}
