package dev.hearth.dashboard.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;

import dev.hearth.core.api.catalog.Exposes;
import dev.hearth.dashboard.catalog.Catalog;
import dev.hearth.dashboard.identity.ActingAs;
import dev.hearth.dashboard.identity.Caller;
import dev.hearth.dashboard.identity.CurrentCaller;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.security.Authenticated;

/**
 * The Services and Secrets an app exposes (its definition's {@code exposes}, {@code {name}} filled in) that the caller
 * may read, each read by name as the caller: apps-catalog's credentials Role grants them to the tenant's {@code use}
 * level and above, so a viewer gets the Services and no Secret. Secret values are masked unless {@code ?reveal=true};
 * a reveal is logged, like a write.
 */
@Path("/api/v1/tenants/{namespace}/apps/{resource}/{name}/exposed")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ExposedResource {
    static final String MASK = "••••••";
    private static final Logger LOG = Logger.getLogger("hearth.dashboard.reveals");

    @Inject
    CurrentCaller current;

    @Inject
    ActingAs actingAs;

    @Inject
    AppKinds kinds;

    @Inject
    Catalog catalog;

    public record ExposedPort(String name, Integer port, String protocol) {}

    public record ExposedService(
            String name, String type, String clusterIP, List<ExposedPort> ports, List<String> external) {}

    public record ExposedSecret(String name, Map<String, String> data) {}

    public record Exposed(List<ExposedService> services, List<ExposedSecret> secrets) {}

    @GET
    public Exposed exposed(
            @PathParam("namespace") String namespace,
            @PathParam("resource") String resource,
            @PathParam("name") String name,
            @QueryParam("reveal") boolean reveal) {
        Caller caller = current.get();
        var context = kinds.context(caller, namespace, resource);
        String checked = AppKinds.checkedName(name);
        KubernetesClient client = actingAs.client(caller);
        // the app itself as the caller first: who may not read it learns nothing of what it exposes
        if (client.genericKubernetesResources(context)
                        .inNamespace(namespace)
                        .withName(checked)
                        .get()
                == null) {
            throw new NotFoundException(resource + " " + checked + " does not exist in " + namespace);
        }
        Exposes exposes =
                catalog.definition(resource).map(d -> d.getSpec().exposes).orElse(null);
        if (exposes == null) {
            return new Exposed(List.of(), List.of());
        }
        List<ExposedService> services = new ArrayList<>();
        for (String serviceName : exposes.servicesOf(checked)) {
            readable(() -> client.services()
                            .inNamespace(namespace)
                            .withName(serviceName)
                            .get())
                    .map(ExposedResource::service)
                    .ifPresent(services::add);
        }
        List<ExposedSecret> secrets = new ArrayList<>();
        for (String secretName : exposes.secretsOf(checked)) {
            readable(() -> client.secrets()
                            .inNamespace(namespace)
                            .withName(secretName)
                            .get())
                    .map(secret -> secret(secret, reveal))
                    .ifPresent(secrets::add);
        }
        if (reveal && !secrets.isEmpty()) {
            LOG.infof(
                    "{\"user\":\"%s\",\"revealed\":%s,\"namespace\":\"%s\",\"resource\":\"%s\",\"name\":\"%s\"}",
                    caller.kubernetesUsername(),
                    secrets.stream().map(s -> "\"" + s.name() + "\"").toList(),
                    namespace,
                    resource,
                    checked);
        }
        return new Exposed(services, secrets);
    }

    /** The object, if it exists and the caller may read it. */
    private static <T> Optional<T> readable(java.util.function.Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403 || e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static ExposedService service(Service service) {
        var spec = service.getSpec();
        List<ExposedPort> ports = spec.getPorts() == null
                ? List.of()
                : spec.getPorts().stream()
                        .map(p -> new ExposedPort(p.getName(), p.getPort(), p.getProtocol()))
                        .toList();
        List<String> external = new ArrayList<>();
        if (service.getStatus() != null
                && service.getStatus().getLoadBalancer() != null
                && service.getStatus().getLoadBalancer().getIngress() != null) {
            service.getStatus().getLoadBalancer().getIngress().forEach(ingress -> {
                if (ingress.getIp() != null) {
                    external.add(ingress.getIp());
                }
                if (ingress.getHostname() != null) {
                    external.add(ingress.getHostname());
                }
            });
        }
        return new ExposedService(
                service.getMetadata().getName(), spec.getType(), spec.getClusterIP(), ports, external);
    }

    private static ExposedSecret secret(Secret secret, boolean reveal) {
        Map<String, String> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().keySet().stream()
                    .sorted()
                    .forEach(key -> data.put(
                            key,
                            reveal
                                    ? new String(
                                            Base64.getDecoder()
                                                    .decode(secret.getData().get(key)),
                                            StandardCharsets.UTF_8)
                                    : MASK));
        }
        return new ExposedSecret(secret.getMetadata().getName(), data);
    }
}
