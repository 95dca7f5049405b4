package dev.hearth.dashboard.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The schema of a kind's {@code spec} as the API server enforces it: from the served CRD
 * {@code <plural>.apps.hearth.dev} (apps-catalog's for catalog apps, the chart's for the typed kinds), kept for
 * {@link #TTL}; the definition's own {@code openAPISchema} while no CRD is served yet.
 */
@ApplicationScoped
public class SpecSchemas {
    static final Duration TTL = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(SpecSchemas.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KubernetesClient backend;

    private record Cached(long expiresAt, Optional<JsonNode> schema) {}

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public JsonNode of(ApplicationDefinition definition) {
        String plural = definition.getSpec().application.plural;
        long now = System.nanoTime();
        Cached cached = cache.get(plural);
        if (cached == null || cached.expiresAt - now < 0) {
            cached = new Cached(now + TTL.toNanos(), served(plural));
            cache.put(plural, cached);
        }
        return cached.schema.orElseGet(() -> declared(definition));
    }

    private Optional<JsonNode> served(String plural) {
        try {
            CustomResourceDefinition crd = backend.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(plural + "." + ApiGroups.APPS)
                    .get();
            if (crd == null) {
                return Optional.empty();
            }
            return crd.getSpec().getVersions().stream()
                    .filter(CustomResourceDefinitionVersion::getStorage)
                    .findFirst()
                    .map(version -> version.getSchema().getOpenAPIV3Schema().getProperties())
                    .map(properties -> properties.get("spec"))
                    .map(spec -> JSON.valueToTree(spec));
        } catch (KubernetesClientException e) {
            LOG.debugf("CRD of %s not readable: %s", plural, e.getMessage());
            return Optional.empty();
        }
    }

    private static JsonNode declared(ApplicationDefinition definition) {
        try {
            return JSON.readTree(definition.getSpec().application.openAPISchema);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return JSON.createObjectNode().put("type", "object");
        }
    }
}
