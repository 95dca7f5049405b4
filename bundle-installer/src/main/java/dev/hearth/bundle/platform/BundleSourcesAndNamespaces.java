package dev.hearth.bundle.platform;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hearth.bundle.render.BundleLabels;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A bundle's chart sources and namespaces as they are now, read once per pass (one list each), so that the rollout
 * writes only those that differ from what it wants.
 */
@ApplicationScoped
public class BundleSourcesAndNamespaces {
    private final KubernetesClient client;

    BundleSourcesAndNamespaces(KubernetesClient client) {
        this.client = client;
    }

    /** By name. */
    public Map<String, Flux.HelmRepository> sources(String bundle) {
        return client
                .resources(Flux.HelmRepository.class)
                .inNamespace(BundleLabels.NAMESPACE)
                .withLabel(BundleLabels.BUNDLE, bundle)
                .list()
                .getItems()
                .stream()
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), Function.identity()));
    }

    /** By name. */
    public Map<String, Namespace> namespaces(String bundle) {
        return client.namespaces().withLabel(BundleLabels.BUNDLE, bundle).list().getItems().stream()
                .collect(Collectors.toMap(n -> n.getMetadata().getName(), Function.identity()));
    }
}
