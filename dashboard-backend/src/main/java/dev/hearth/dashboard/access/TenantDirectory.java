package dev.hearth.dashboard.access;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.hearth.core.Labels;
import dev.hearth.core.naming.TenantNamespaceName;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.StartupEvent;

/**
 * Every tenant namespace, from an informer cache the backend keeps with its own (read-only) identity: requests filter
 * it per caller through {@link TenantLevels}, never list namespaces cluster-wide themselves. Started without waiting,
 * so the backend starts (not ready) without an API server; the informer retries.
 */
@ApplicationScoped
public class TenantDirectory {
    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);

    @Inject
    KubernetesClient backend;

    private volatile SharedIndexInformer<Namespace> namespaces;
    // every request reads the ordered list; it changes only when a tenant namespace comes or goes
    private final AtomicLong changes = new AtomicLong();
    private volatile Ordered ordered = new Ordered(-1, List.of());

    private record Ordered(long changes, List<String> names) {}

    void start(@Observes StartupEvent started) {
        namespaces = backend.namespaces().withLabel(Labels.TENANT).runnableInformer(0);
        namespaces.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Namespace namespace) {
                changes.incrementAndGet();
            }

            @Override
            public void onUpdate(Namespace before, Namespace after) {}

            @Override
            public void onDelete(Namespace namespace, boolean finalStateUnknown) {
                changes.incrementAndGet();
            }
        });
        namespaces.start().exceptionally(failure -> {
            LOG.warnf("tenant namespace informer not started yet: %s", failure.getMessage());
            return null;
        });
    }

    /** Tenant namespaces, parents before children (tenant-root first). */
    public List<String> tenantNamespaces() {
        if (namespaces == null) {
            return List.of();
        }
        long seen = changes.get();
        Ordered known = ordered;
        if (known.changes != seen) {
            // a change while this runs leaves an older count: the next call computes again
            known = new Ordered(
                    seen,
                    namespaces.getStore().list().stream()
                            .map(ns -> ns.getMetadata().getName())
                            .filter(TenantNamespaceName::isTenantNamespace)
                            .sorted(Comparator.comparing((String ns) ->
                                            TenantNamespaceName.path(ns).size())
                                    .thenComparing(Comparator.naturalOrder()))
                            .toList());
            ordered = known;
        }
        return known.names;
    }

    /** The cached namespace, if it is a tenant's. */
    public Optional<Namespace> namespace(String name) {
        return namespaces == null
                ? Optional.empty()
                : Optional.ofNullable(namespaces.getStore().getByKey(name));
    }

    public boolean synced() {
        return namespaces != null && namespaces.hasSynced();
    }

    @PreDestroy
    void stop() {
        if (namespaces != null) {
            namespaces.close();
        }
    }
}
