package dev.hearth.tenant;

import java.util.Optional;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.naming.InvalidTenantNameException;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.tenant.lineage.TenantPlacement;
import dev.hearth.tenant.lineage.TenantTree;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/** Where a tenant hangs in the tree: its parent, the parent's placement, and the namespace the tenant may own. */
final class TenantParents {
    private TenantParents() {}

    /**
     * The parent as the newest of the two Tenant caches has it: the primary cache and the related-tenants informer
     * each run their own watch, and a child woken by a parent's change must see at least that change (a host or
     * services change would otherwise be missed until the next one).
     */
    static Optional<Tenant> newestParentOf(Tenant tenant, Context<Tenant> context) {
        String namespace = tenant.getMetadata().getNamespace();
        return TenantTree.ownerOf(namespace)
                .flatMap(id -> newest(
                        context.getPrimaryCache().get(id),
                        relatedTenants(context).get(id)))
                .filter(parent -> TenantTree.owns(parent, namespace));
    }

    /** The placement of the tenant's parent: tenant-root's from {@code root}, another's from its status. */
    static Optional<TenantPlacement> parentPlacement(
            Tenant tenant, Optional<Tenant> parentTenant, TenantPlacement root) {
        String namespace = tenant.getMetadata().getNamespace();
        if (TenantNamespaceName.ROOT.equals(namespace)) {
            return Optional.of(root);
        }
        return parentTenant.map(parent -> new TenantPlacement(
                parent.getStatus().namespace,
                TenantNamespaceName.parentOf(parent.getStatus().namespace).orElse(null),
                parent.getStatus().path,
                parent.getStatus().host,
                parent.getStatus().services));
    }

    /** The namespace this tenant may own; computed from its name when a crash lost it from the status. */
    static Optional<String> ownNamespace(Tenant tenant) {
        if (tenant.getStatus() != null && tenant.getStatus().namespace != null) {
            return Optional.of(tenant.getStatus().namespace);
        }
        try {
            return Optional.of(TenantNamespaceName.of(
                    tenant.getMetadata().getNamespace(), tenant.getMetadata().getName()));
        } catch (InvalidTenantNameException e) {
            return Optional.empty();
        }
    }

    private static Optional<Tenant> newest(Optional<Tenant> a, Optional<Tenant> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return resourceVersion(a.get()) >= resourceVersion(b.get()) ? a : b;
    }

    /** Resource versions are opaque to clients, but the API server's (etcd revisions) grow; unparsable ones count as oldest. */
    private static long resourceVersion(Tenant tenant) {
        try {
            return Long.parseLong(tenant.getMetadata().getResourceVersion());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @SuppressWarnings("unchecked")
    private static InformerEventSource<Tenant, Tenant> relatedTenants(Context<Tenant> context) {
        return (InformerEventSource<Tenant, Tenant>)
                context.eventSourceRetriever().getEventSourceFor(Tenant.class, TenantEventSources.RELATED_TENANTS);
    }
}
