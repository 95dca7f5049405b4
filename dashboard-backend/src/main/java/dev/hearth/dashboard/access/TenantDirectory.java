package dev.hearth.dashboard.access;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.hearth.core.Labels;
import dev.hearth.core.naming.TenantNamespaceName;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
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

    void start(@Observes StartupEvent started) {
        namespaces = backend.namespaces().withLabel(Labels.TENANT).runnableInformer(0);
        namespaces.start().exceptionally(failure -> {
            LOG.warnf("tenant namespace informer not started yet: %s", failure.getMessage());
            return null;
        });
    }

    /** Tenant namespaces, parents before children (tenant-root first). */
    public List<String> tenantNamespaces() {
        return namespaces == null
                ? List.of()
                : namespaces.getStore().list().stream()
                        .map(ns -> ns.getMetadata().getName())
                        .filter(TenantNamespaceName::isTenantNamespace)
                        .sorted(Comparator.comparing((String ns) ->
                                        TenantNamespaceName.path(ns).size())
                                .thenComparing(Comparator.naturalOrder()))
                        .toList();
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
