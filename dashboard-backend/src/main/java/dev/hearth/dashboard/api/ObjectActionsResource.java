package dev.hearth.dashboard.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.dashboard.access.AccessRules;
import dev.hearth.dashboard.identity.Caller;
import dev.hearth.dashboard.identity.CurrentCaller;
import io.quarkus.security.Authenticated;

/**
 * The actions the caller may take on one object: {@code get}, {@code update}, {@code delete}; for a VM {@code start}
 * and {@code stop} (an update of its {@code runStrategy}, {@link PowerResource}) and {@code console} (KubeVirt's
 * console subresource); for a child tenant {@code create-child} (creating tenants in its namespace). From the
 * caller's cached rules reviews ({@link AccessRules}), no review per action.
 */
@Path("/api/v1/tenants/{namespace}/apps/{resource}/{name}/actions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ObjectActionsResource {
    @Inject
    CurrentCaller current;

    @Inject
    AccessRules access;

    @Inject
    AppKinds kinds;

    @GET
    public Map<String, List<String>> actions(
            @PathParam("namespace") String namespace,
            @PathParam("resource") String resource,
            @PathParam("name") String name) {
        Caller caller = current.get();
        kinds.context(caller, namespace, resource);
        AppKinds.checkedName(name);
        List<String> actions = new ArrayList<>();
        for (String verb : List.of("get", "update", "delete")) {
            if (access.allows(caller, namespace, ApiGroups.APPS, resource, null, verb, name)) {
                actions.add(verb);
            }
        }
        if ("vminstances".equals(resource)) {
            if (actions.contains("update")) {
                actions.add("start");
                actions.add("stop");
            }
            if (access.allows(
                    caller, namespace, "subresources.kubevirt.io", "virtualmachineinstances", "console", "get", null)) {
                actions.add("console");
            }
        }
        if ("tenants".equals(resource)) {
            String child = TenantNamespaceName.of(namespace, name);
            if (access.allows(caller, child, ApiGroups.APPS, "tenants", null, "create", null)) {
                actions.add("create-child");
            }
        }
        return Map.of("actions", actions);
    }
}
