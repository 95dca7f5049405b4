package dev.hearth.dashboard.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.hearth.dashboard.identity.ActingAs;
import dev.hearth.dashboard.identity.Caller;
import dev.hearth.dashboard.identity.CurrentCaller;
import io.fabric8.kubernetes.api.model.Secret;
import io.quarkus.security.Authenticated;

/**
 * The tenant's kubeconfig as a file to download, read as the caller from tenant-service's Secret
 * {@code tenant-kubeconfig} (OIDC exec user, no secret material; every level of the tenant may read it), so RBAC
 * decides who gets it.
 */
@Path("/api/v1/tenants/{namespace}/kubeconfig")
@Authenticated
@Produces("application/yaml")
public class KubeconfigResource {
    static final String TENANT_SECRET = "tenant-kubeconfig";
    static final String TENANT_KEY = "kubeconfig";

    @Inject
    CurrentCaller current;

    @Inject
    ActingAs actingAs;

    @GET
    public Response tenant(@PathParam("namespace") String namespace) {
        AppKinds.checkedTenant(namespace);
        String kubeconfig = read(actingAs, current.get(), namespace, TENANT_SECRET, List.of(TENANT_KEY));
        return file(kubeconfig, namespace + ".kubeconfig");
    }

    static String read(ActingAs actingAs, Caller caller, String namespace, String secretName, List<String> keys) {
        Secret secret = actingAs.client(caller)
                .secrets()
                .inNamespace(namespace)
                .withName(secretName)
                .get();
        if (secret == null || secret.getData() == null) {
            throw new NotFoundException("no kubeconfig yet: Secret " + secretName + " does not exist in " + namespace);
        }
        return keys.stream()
                .filter(secret.getData()::containsKey)
                .findFirst()
                .map(key ->
                        new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8))
                .orElseThrow(() -> new NotFoundException("Secret " + secretName + " holds none of " + keys));
    }

    static Response file(String kubeconfig, String filename) {
        return Response.ok(kubeconfig)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
