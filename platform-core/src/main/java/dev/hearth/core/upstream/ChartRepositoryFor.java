package dev.hearth.core.upstream;

import java.util.Map;
import java.util.TreeMap;

import dev.hearth.core.Labels;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * The Flux HelmRepository of charts a service names in the releases it writes (apps-catalog's app charts,
 * kubernetes-service's addon charts; bundle-installer's sources take its {@link #spec}), so that the source its
 * releases name exists wherever they do. An {@code oci://} URL is an OCI registry (Flux's {@code type: oci}); anything
 * else a Helm repository with an {@code index.yaml}.
 */
public final class ChartRepositoryFor {
    private ChartRepositoryFor() {}

    public static Flux.HelmRepository desired(String namespace, String name, String url, String service) {
        return Upstream.object(
                Flux.HelmRepository.class,
                new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(namespace)
                        .withLabels(Map.of(Labels.MANAGED_BY, Labels.managedBy(service)))
                        .build(),
                spec(url, "10m"));
    }

    /** The spec of a HelmRepository at {@code url}, fetched every {@code interval}. */
    public static Map<String, Object> spec(String url, String interval) {
        Map<String, Object> spec = new TreeMap<>();
        spec.put("url", url);
        spec.put("interval", interval);
        if (url.startsWith("oci://")) {
            spec.put("type", "oci");
        }
        return spec;
    }
}
