package dev.hearth.dashboard.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.dashboard.access.TenantQuotas;
import dev.hearth.dashboard.access.VisibleTenants;
import dev.hearth.dashboard.identity.CurrentCaller;
import io.quarkus.security.Authenticated;

/**
 * The tenants the caller may see, parents before children, each with its level and quota. Built from the backend's
 * caches, filtered by the caller's levels (access reviews as the caller): a tenant the caller holds no level in is
 * not in the answer, not even as a name.
 */
@Path("/api/v1/tenants")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TenantTreeResource {
    @Inject
    CurrentCaller current;

    @Inject
    VisibleTenants visible;

    @Inject
    TenantQuotas quotas;

    /**
     * @param namespace the tenant namespace
     * @param name      the Tenant's name (tenant-root for the root)
     * @param parent    the parent's namespace, when the caller may see the parent (else null: the root of its tree)
     * @param level     the caller's level here
     * @param host      the tenant's domain, when tenant-service has reported it
     * @param quota     hard, used and allocated-to-children
     */
    public record TenantNode(
            String namespace, String name, String parent, String level, String host, TenantQuotas.Quota quota) {}

    @GET
    public List<TenantNode> tree() {
        Map<String, AccessLevel> reachable = visible.of(current.get());
        List<TenantNode> nodes = new ArrayList<>();
        reachable.forEach((namespace, level) -> {
            var tenant = quotas.tenant(namespace);
            String parent = TenantNamespaceName.parentOf(namespace)
                    .filter(reachable::containsKey)
                    .orElse(null);
            nodes.add(new TenantNode(
                    namespace,
                    tenant.map(t -> t.getMetadata().getName()).orElse(namespace),
                    parent,
                    level.id(),
                    tenant.map(t -> t.getStatus() == null ? null : t.getStatus().host)
                            .orElse(null),
                    quotas.of(namespace)));
        });
        return nodes;
    }
}
