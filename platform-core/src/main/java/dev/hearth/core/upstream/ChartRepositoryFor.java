package dev.hearth.core.upstream;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hearth.core.Labels;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * The Flux HelmRepository of charts a service names in the releases it writes (apps-catalog's app charts,
 * kubernetes-service's addon charts), so that the source its releases name exists wherever they do. An {@code oci://}
 * URL is an OCI registry (Flux's {@code type: oci}); anything else a Helm repository with an {@code index.yaml}.
 */
public final class ChartRepositoryFor {
    private ChartRepositoryFor() {}

    public static Flux.HelmRepository desired(String namespace, String name, String url, String service) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("url", url);
        spec.put("interval", "10m");
        if (url.startsWith("oci://")) {
            spec.put("type", "oci");
        }
        return Upstream.object(
                Flux.HelmRepository.class,
                new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(namespace)
                        .withLabels(Map.of(Labels.MANAGED_BY, Labels.managedBy(service)))
                        .build(),
                spec);
    }
}
