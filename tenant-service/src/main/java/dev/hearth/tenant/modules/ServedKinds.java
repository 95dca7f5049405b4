package dev.hearth.tenant.modules;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The kinds the API server serves in one group version, by kind, from a discovery reused for a few seconds: a kind
 * may appear at any time (apps-catalog defining a module kind, Kamaji's CRDs installed), and a tenant waiting for one
 * looks again every few seconds anyway.
 */
final class ServedKinds {
    private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final KubernetesClient client;
    private final String groupVersion;
    private volatile Discovery last;

    private record Discovery(Map<String, APIResource> byKind, long discoveredAt) {}

    ServedKinds(KubernetesClient client, String groupVersion) {
        this.client = client;
        this.groupVersion = groupVersion;
    }

    /** The served kinds (main resources only, no subresources), by kind. */
    Map<String, APIResource> byKind() {
        Discovery discovery = last;
        if (discovery == null || System.nanoTime() - discovery.discoveredAt() > TTL_NANOS) {
            discovery = new Discovery(discover(), System.nanoTime());
            last = discovery;
        }
        return discovery.byKind();
    }

    private Map<String, APIResource> discover() {
        Map<String, APIResource> served = new HashMap<>();
        APIResourceList list;
        try {
            list = client.getApiResources(groupVersion);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return served;
            }
            throw e;
        }
        if (list != null) {
            list.getResources().stream()
                    .filter(r -> !r.getName().contains("/"))
                    .forEach(r -> served.put(r.getKind(), r));
        }
        return served;
    }
}
