package dev.hearth.tenant.modules;

import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.hearth.core.Labels;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.upstream.Kamaji;
import dev.hearth.core.upstream.Upstream;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Writes the Kamaji DataStore of a tenant that runs etcd itself and deletes it when the tenant stops. Straight to the
 * API server, without an informer: the service starts on clusters without Kamaji's CRDs (then it writes no DataStore
 * until the kind is served, looked up again at most every few seconds), and a hand-deleted DataStore comes back at
 * the tenant's next reconcile (any change to the tenant or its owned objects, or the periodic resync), not at once.
 */
@ApplicationScoped
public class TenantDataStores {
    private static final Logger LOG = Logger.getLogger(TenantDataStores.class);

    @Inject
    KubernetesClient client;

    @Inject
    ServerSideApply writes;

    private ServedKinds kamajiKinds;

    @PostConstruct
    void servedKindsOfKamaji() {
        kamajiKinds = new ServedKinds(client, Upstream.apiVersion(Kamaji.DataStore.class));
    }

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
        return kamajiKinds.byKind().containsKey(Upstream.kind(Kamaji.DataStore.class));
    }
}
