package dev.hearth.dashboard.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import dev.hearth.dashboard.identity.ActingAs;
import dev.hearth.dashboard.identity.CurrentCaller;
import io.quarkus.security.Authenticated;

/**
 * A tenant cluster's admin kubeconfig as a file to download, read as the caller from the Secret Kamaji writes
 * ({@code kubernetes-<name>-admin-kubeconfig}), which kubernetes-service's reader Role lets the tenant's admins get.
 */
@Path("/api/v1/tenants/{namespace}/apps/kuberneteses/{name}/kubeconfig")
@Authenticated
@Produces("application/yaml")
public class ClusterKubeconfigResource {
    /** The keys Kamaji writes, the admin's first. */
    static final List<String> KEYS = List.of("admin.conf", "super-admin.conf");

    @Inject
    CurrentCaller current;

    @Inject
    ActingAs actingAs;

    @GET
    public Response cluster(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        AppKinds.checkedTenant(namespace);
        String checked = AppKinds.checkedName(name);
        String kubeconfig = KubeconfigResource.read(
                actingAs, current.get(), namespace, "kubernetes-" + checked + "-admin-kubeconfig", KEYS);
        return KubeconfigResource.file(kubeconfig, namespace + "-" + checked + ".kubeconfig");
    }
}
