package dev.hearth.core.tenant;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.hearth.core.api.tenant.Tenant;

/**
 * The index of a Tenant cache by the namespace each Tenant owns ({@code status.namespace}), so that a consumer finds
 * the tenant of its namespace without a list. Register {@link #keys} under {@link #INDEX} on an informer, then
 * {@link #find} with the informer's {@code byIndex}.
 */
public final class TenantsByNamespace {
    public static final String INDEX = "hearth.dev/tenant-by-namespace";

    private TenantsByNamespace() {}

    /** The index function: the namespace a Tenant owns, if it owns one yet. */
    public static List<String> keys(Tenant tenant) {
        return tenant.getStatus() == null || tenant.getStatus().namespace == null
                ? List.of()
                : List.of(tenant.getStatus().namespace);
    }

    /** The Tenant owning {@code namespace}. */
    public static Optional<Tenant> find(Function<String, List<Tenant>> byIndex, String namespace) {
        return byIndex.apply(namespace).stream().findFirst();
    }

    /** What a consumer in {@code namespace} knows about its tenant; empty when no tenant owns the namespace. */
    public static Optional<TenantFacts> facts(Function<String, List<Tenant>> byIndex, String namespace) {
        return find(byIndex, namespace).map(TenantFacts::of);
    }
}
