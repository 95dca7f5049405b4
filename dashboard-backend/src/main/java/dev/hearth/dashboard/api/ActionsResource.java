package dev.hearth.dashboard.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.hearth.core.api.ApiGroups;
import dev.hearth.dashboard.access.AccessRules;
import dev.hearth.dashboard.catalog.Catalog;
import dev.hearth.dashboard.catalog.CatalogEntry;
import dev.hearth.dashboard.identity.Caller;
import dev.hearth.dashboard.identity.CurrentCaller;
import io.quarkus.security.Authenticated;

/**
 * What the caller may do with each catalog kind in a tenant: the verbs the API server's RBAC grants there, answered
 * from one rules review per tenant and caller ({@link AccessRules}), so a page shows its buttons without asking per
 * button. The API server still decides every call: these only say which buttons to show.
 */
@Path("/api/v1/tenants/{namespace}/actions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ActionsResource {
    static final List<String> VERBS = List.of("get", "list", "watch", "create", "update", "patch", "delete");

    @Inject
    CurrentCaller current;

    @Inject
    AccessRules access;

    @Inject
    Catalog catalog;

    /** plural → the verbs allowed on it in the tenant; kinds without any are left out. */
    @GET
    public Map<String, List<String>> kinds(@PathParam("namespace") String namespace) {
        AppKinds.checkedTenant(namespace);
        Caller caller = current.get();
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        for (CatalogEntry entry : catalog.entries()) {
            List<String> verbs = new ArrayList<>();
            for (String verb : VERBS) {
                if (access.allows(caller, namespace, ApiGroups.APPS, entry.plural(), null, verb, null)) {
                    verbs.add(verb);
                }
            }
            if (!verbs.isEmpty()) {
                allowed.put(entry.plural(), verbs);
            }
        }
        return allowed;
    }
}
