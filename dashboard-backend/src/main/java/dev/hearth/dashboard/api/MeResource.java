package dev.hearth.dashboard.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.dashboard.access.VisibleTenants;
import dev.hearth.dashboard.identity.Caller;
import dev.hearth.dashboard.identity.CurrentCaller;
import io.quarkus.security.Authenticated;

/** Who the caller is and which tenants it reaches, at which level (the API server's answers, not the group names). */
@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Inject
    CurrentCaller current;

    @Inject
    VisibleTenants visible;

    /**
     * @param username           the token's preferred_username
     * @param groups             the token's groups
     * @param kubernetesUsername the user the API server sees
     * @param kubernetesGroups   the groups the API server sees
     * @param tenants            every tenant the caller holds a level in
     */
    public record Me(
            String username,
            List<String> groups,
            String kubernetesUsername,
            List<String> kubernetesGroups,
            List<TenantAccess> tenants) {}

    /**
     * @param namespace the tenant namespace
     * @param parent    its parent's namespace (null for tenant-root)
     * @param level     view, use, admin or super-admin
     */
    public record TenantAccess(String namespace, String parent, String level) {}

    @GET
    public Me me() {
        Caller caller = current.get();
        List<TenantAccess> tenants = new ArrayList<>();
        visible.of(caller)
                .forEach((namespace, level) -> tenants.add(new TenantAccess(
                        namespace, TenantNamespaceName.parentOf(namespace).orElse(null), level.id())));
        return new Me(
                caller.username(), caller.groups(), caller.kubernetesUsername(), caller.kubernetesGroups(), tenants);
    }
}
