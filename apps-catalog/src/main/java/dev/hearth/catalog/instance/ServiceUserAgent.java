package dev.hearth.catalog.instance;

import jakarta.inject.Singleton;

import dev.hearth.core.Labels;
import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;

/**
 * Names the service first in its client's User-Agent: the API server takes the field manager of a write that names
 * none (a plain create) from it, so what the service creates is owned by the same field manager as what it applies.
 */
@Singleton
public class ServiceUserAgent implements KubernetesConfigCustomizer {
    /** The service's one field manager, for its applies and (through the User-Agent) its creates. */
    public static final String FIELD_MANAGER = Labels.managedBy("apps-catalog");

    @Override
    public void customize(Config config) {
        config.setUserAgent(FIELD_MANAGER + "/" + config.getUserAgent());
    }
}
