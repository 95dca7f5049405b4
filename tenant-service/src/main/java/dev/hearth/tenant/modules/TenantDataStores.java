package dev.hearth.tenant.modules;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.hearth.core.Labels;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.upstream.Kamaji;
import dev.hearth.core.upstream.Upstream;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Writes the Kamaji DataStore of a tenant that runs etcd itself and deletes it when the tenant stops. Straight to the
 * API server, without an informer: the service starts on clusters without Kamaji's CRDs (then it writes no DataStore
 * until the kind is served, looked up again at most every few seconds), and a hand-deleted DataStore comes back at
 * the tenant's next reconcile (any change to the tenant or its owned objects, or the periodic resync), not at once.
 */
@ApplicationScoped
public class TenantDataStores {
    private static final Logger LOG = Logger.getLogger(TenantDataStores.class);
    private static final long SERVED_TTL_NANOS = TimeUnit.SECONDS.toNanos(3);

    @Inject
    KubernetesClient client;

    @Inject
    ServerSideApply writes;

    private volatile Served lastDiscovery;

    private record Served(boolean served, long discoveredAt) {}

    /**
     * Converges the DataStore named after {@code namespace} (the tenant Namespace as it exists, which owns it) to
     * {@code desired}.
     */
    public void converge(Namespace namespace, Optional<Kamaji.DataStore> desired) {
        if (!served()) {
            if (desired.isPresent()) {
                LOG.debugf(
                        "Kamaji serves no DataStore kind: %s gets its DataStore once Kamaji's CRDs are installed",
                        namespace.getMetadata().getName());
            }
            return;
        }
        if (desired.isPresent()) {
            writes.apply(DataStoreFor.ownedBy(desired.get(), namespace));
            return;
        }
        var existing = client.resources(Kamaji.DataStore.class)
                .withName(namespace.getMetadata().getName());
        Kamaji.DataStore current = existing.get();
        if (current != null
                && current.getMetadata().getLabels() != null
                && Labels.managedBy(TenantPlacement.SERVICE_NAME)
                        .equals(current.getMetadata().getLabels().get(Labels.MANAGED_BY))) {
            existing.delete();
        }
    }

    private boolean served() {
        Served last = lastDiscovery;
        if (last == null || System.nanoTime() - last.discoveredAt() > SERVED_TTL_NANOS) {
            last = new Served(discover(), System.nanoTime());
            lastDiscovery = last;
        }
        return last.served();
    }

    private boolean discover() {
        APIResourceList list;
        try {
            list = client.getApiResources(Upstream.apiVersion(Kamaji.DataStore.class));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
        return list != null
                && list.getResources().stream()
                        .anyMatch(r ->
                                "DataStore".equals(r.getKind()) && !r.getName().contains("/"));
    }
}
