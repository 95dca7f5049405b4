package dev.hearth.core.kube;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.hearth.core.Labels;
import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;

/**
 * Names the service first in its client's User-Agent: the API server takes the field manager of a write that names
 * none (a plain create) from it, so what the service creates is owned by the same field manager as what it applies.
 */
@Singleton
public class ServiceUserAgent implements KubernetesConfigCustomizer {
    private final String fieldManager;

    public ServiceUserAgent(@ConfigProperty(name = "quarkus.application.name") String service) {
        this.fieldManager = Labels.managedBy(service);
    }

    @Override
    public void customize(Config config) {
        config.setUserAgent(userAgent(fieldManager, config.getUserAgent()));
    }

    /** {@code <fieldManager>/<the client's own User-Agent>}. */
    public static String userAgent(String fieldManager, String clientUserAgent) {
        return fieldManager + "/" + clientUserAgent;
    }
}
