package dev.hearth.tenant.lineage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.naming.TenantNamespaceName;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** Tenants related to one another, looked up in the informer cache of Tenants. */
public final class TenantTree {
    private final IndexedResourceCache<Tenant> tenants;

    public TenantTree(IndexedResourceCache<Tenant> tenants) {
        this.tenants = tenants;
    }

    /**
     * The parent of a Tenant living in {@code namespace}: the Tenant whose {@code status.namespace} is that namespace.
     * Empty for Tenants in tenant-root (the root has no Tenant object) and while the parent has no namespace yet.
     */
    public Optional<Tenant> parentOf(String namespace) {
        return ownerOf(namespace).flatMap(tenants::get).filter(parent -> owns(parent, namespace));
    }

    /** Whether {@code tenant} holds {@code namespace}. */
    public static boolean owns(Tenant tenant, String namespace) {
        return tenant.getStatus() != null && namespace.equals(tenant.getStatus().namespace);
    }

    /**
     * The Tenant that owns a tenant namespace, by the naming rule: {@code tenant-foo-bar} is owned by Tenant
     * {@code bar} in {@code tenant-foo}. Empty for tenant-root and for namespaces that are not tenant namespaces.
     */
    public static Optional<ResourceID> ownerOf(String tenantNamespace) {
        if (!TenantNamespaceName.isTenantNamespace(tenantNamespace)
                || TenantNamespaceName.ROOT.equals(tenantNamespace)) {
            return Optional.empty();
        }
        String name = tenantNamespace.substring(tenantNamespace.lastIndexOf('-') + 1);
        return TenantNamespaceName.parentOf(tenantNamespace).map(parent -> new ResourceID(name, parent));
    }

    /** The Tenants created inside a tenant namespace. */
    public List<Tenant> childrenIn(String tenantNamespace) {
        return tenantNamespace == null
                ? List.of()
                : tenants.list(tenantNamespace).toList();
    }

    /** The Tenants living in a tenant namespace or in any of its descendants (every Tenant below its owner). */
    public Stream<ResourceID> below(String tenantNamespace) {
        return tenants.list()
                .filter(tenant -> {
                    String namespace = tenant.getMetadata().getNamespace();
                    return namespace.equals(tenantNamespace) || namespace.startsWith(tenantNamespace + "-");
                })
                .map(ResourceID::fromResource);
    }

    /** The other Tenants in the same namespace. */
    public List<Tenant> siblingsOf(Tenant tenant) {
        return tenants.list(tenant.getMetadata().getNamespace())
                .filter(other -> !other.getMetadata()
                        .getName()
                        .equals(tenant.getMetadata().getName()))
                .toList();
    }

    /** A Tenant that holds a namespace; one refused for its name or quota does not. */
    public static boolean admitted(Tenant tenant) {
        return tenant.getStatus() != null && tenant.getStatus().namespace != null;
    }

    /**
     * The Tenants whose reconcile depends on {@code changed}: its parent (quota allocated to children), its children
     * (inherited host and services) and its siblings still waiting for budget (freed when it shrinks or goes away).
     */
    public Stream<ResourceID> dependentsOf(Tenant changed) {
        String namespace = changed.getMetadata().getNamespace();
        Stream<ResourceID> parent = parentOf(namespace).map(ResourceID::fromResource).stream();
        Stream<ResourceID> children = changed.getStatus() == null
                ? Stream.empty()
                : childrenIn(changed.getStatus().namespace).stream().map(ResourceID::fromResource);
        Stream<ResourceID> waitingSiblings = tenants.list(namespace)
                .filter(other -> !admitted(other)
                        && !Objects.equals(
                                other.getMetadata().getName(),
                                changed.getMetadata().getName()))
                .map(ResourceID::fromResource);
        return Stream.of(parent, children, waitingSiblings).flatMap(s -> s);
    }
}
