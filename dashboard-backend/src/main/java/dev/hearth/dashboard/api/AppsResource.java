package dev.hearth.dashboard.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.dashboard.identity.ActingAs;
import dev.hearth.dashboard.identity.Caller;
import dev.hearth.dashboard.identity.CurrentCaller;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.security.Authenticated;

/**
 * The Hearth objects of a tenant ({@code apps.hearth.dev}: typed kinds, catalog apps, child tenants), read and written
 * as the caller, so RBAC decides each call. Writes take {@code ?dryRun=true} (the API server's verdict, nothing
 * stored); an update must carry the {@code metadata.resourceVersion} it was read at, so a concurrent change is a 409
 * rather than lost. Every write is logged ({@link WriteLog}).
 */
@Path("/api/v1/tenants/{namespace}/apps/{resource}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppsResource {
    static final String VERSION = "v1alpha1";
    private static final Pattern PLURAL = Pattern.compile("[a-z][a-z0-9]{0,62}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CurrentCaller current;

    @Inject
    ActingAs actingAs;

    /** plural → kind of the served Hearth kinds, from discovery. */
    private final Map<String, String> kinds = new ConcurrentHashMap<>();

    @GET
    public List<GenericKubernetesResource> list(
            @PathParam("namespace") String namespace, @PathParam("resource") String resource) {
        Caller caller = current.get();
        return actingAs.client(caller)
                .genericKubernetesResources(context(caller, namespace, resource))
                .inNamespace(namespace)
                .list()
                .getItems();
    }

    @GET
    @Path("{name}")
    public GenericKubernetesResource get(
            @PathParam("namespace") String namespace,
            @PathParam("resource") String resource,
            @PathParam("name") String name) {
        Caller caller = current.get();
        GenericKubernetesResource object = actingAs.client(caller)
                .genericKubernetesResources(context(caller, namespace, resource))
                .inNamespace(namespace)
                .withName(checkedName(name))
                .get();
        if (object == null) {
            throw new NotFoundException(resource + " " + name + " does not exist in " + namespace);
        }
        return object;
    }

    @POST
    public Response create(
            @PathParam("namespace") String namespace,
            @PathParam("resource") String resource,
            @QueryParam("dryRun") boolean dryRun,
            JsonNode body) {
        Caller caller = current.get();
        ResourceDefinitionContext context = context(caller, namespace, resource);
        GenericKubernetesResource object = object(body, context, namespace, null);
        String name = object.getMetadata().getName();
        return logged(
                caller,
                "create",
                namespace,
                resource,
                name,
                dryRun,
                () -> Response.status(dryRun ? Response.Status.OK : Response.Status.CREATED)
                        .entity(actingAs.client(caller)
                                .genericKubernetesResources(context)
                                .inNamespace(namespace)
                                .resource(object)
                                .dryRun(dryRun)
                                .create())
                        .build());
    }

    @PUT
    @Path("{name}")
    public Response update(
            @PathParam("namespace") String namespace,
            @PathParam("resource") String resource,
            @PathParam("name") String name,
            @QueryParam("dryRun") boolean dryRun,
            JsonNode body) {
        Caller caller = current.get();
        ResourceDefinitionContext context = context(caller, namespace, resource);
        GenericKubernetesResource object = object(body, context, namespace, checkedName(name));
        if (object.getMetadata().getResourceVersion() == null) {
            throw new BadRequestException("metadata.resourceVersion is required: send the version you read, so a"
                    + " change made meanwhile is refused (409) instead of overwritten");
        }
        return logged(
                caller,
                "update",
                namespace,
                resource,
                name,
                dryRun,
                () -> Response.ok(actingAs.client(caller)
                                .genericKubernetesResources(context)
                                .inNamespace(namespace)
                                .resource(object)
                                .dryRun(dryRun)
                                .update())
                        .build());
    }

    @DELETE
    @Path("{name}")
    public Response delete(
            @PathParam("namespace") String namespace,
            @PathParam("resource") String resource,
            @PathParam("name") String name,
            @QueryParam("dryRun") boolean dryRun) {
        Caller caller = current.get();
        ResourceDefinitionContext context = context(caller, namespace, resource);
        String checked = checkedName(name);
        return logged(caller, "delete", namespace, resource, name, dryRun, () -> {
            var deleted = actingAs.client(caller)
                    .genericKubernetesResources(context)
                    .inNamespace(namespace)
                    .withName(checked)
                    .dryRun(dryRun)
                    .delete();
            if (deleted.isEmpty()) {
                throw new NotFoundException(resource + " " + name + " does not exist in " + namespace);
            }
            return Response.noContent().build();
        });
    }

    private static Response logged(
            Caller caller,
            String verb,
            String namespace,
            String resource,
            String name,
            boolean dryRun,
            Supplier<Response> write) {
        try {
            Response response = write.get();
            WriteLog.write(caller, verb, namespace, resource, name, dryRun, response.getStatus(), null);
            return response;
        } catch (KubernetesClientException e) {
            WriteLog.write(caller, verb, namespace, resource, name, dryRun, e.getCode(), ApiErrors.messageOf(e));
            throw e;
        } catch (jakarta.ws.rs.WebApplicationException e) {
            WriteLog.write(
                    caller,
                    verb,
                    namespace,
                    resource,
                    name,
                    dryRun,
                    e.getResponse().getStatus(),
                    e.getMessage());
            throw e;
        }
    }

    /** The body as an object of the kind, in the namespace, named {@code name} when given. */
    private static GenericKubernetesResource object(
            JsonNode body, ResourceDefinitionContext context, String namespace, String name) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException(
                    "the body must be a JSON object: the " + context.getKind() + " with metadata.name and spec");
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        if (!copy.path("metadata").isObject()) {
            if (!copy.path("metadata").isMissingNode()) {
                throw new BadRequestException("metadata must be an object");
            }
            copy.putObject("metadata");
        }
        ObjectNode metadata = (ObjectNode) copy.get("metadata");
        JsonNode given = metadata.path("name");
        if (name != null && given.isTextual() && !name.equals(given.asText())) {
            throw new BadRequestException("metadata.name " + given.asText() + " differs from the path's " + name);
        }
        if (name == null && !given.isTextual()) {
            throw new BadRequestException("metadata.name is required (a DNS label: lower-case letters, digits, '-')");
        }
        String objectName = name != null ? name : given.asText();
        checkedName(objectName);
        JsonNode otherNamespace = metadata.path("namespace");
        if (otherNamespace.isTextual() && !namespace.equals(otherNamespace.asText())) {
            throw new BadRequestException(
                    "metadata.namespace " + otherNamespace.asText() + " differs from the path's " + namespace);
        }
        JsonNode version = metadata.path("resourceVersion");
        if (!version.isMissingNode() && !version.isTextual()) {
            throw new BadRequestException("metadata.resourceVersion must be a string");
        }
        metadata.put("name", objectName);
        metadata.put("namespace", namespace);
        copy.put("apiVersion", ApiGroups.APPS + "/" + VERSION);
        copy.put("kind", context.getKind());
        try {
            return JSON.treeToValue(copy, GenericKubernetesResource.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new BadRequestException("the body is no Kubernetes object: " + e.getMessage());
        }
    }

    private ResourceDefinitionContext context(Caller caller, String namespace, String resource) {
        if (!TenantNamespaceName.isTenantNamespace(namespace)) {
            throw new NotFoundException(namespace + " is no tenant namespace");
        }
        if (!PLURAL.matcher(resource).matches()) {
            throw new NotFoundException("no kind " + resource + " in " + ApiGroups.APPS);
        }
        String kind = Optional.ofNullable(kinds.get(resource)).orElseGet(() -> discover(caller, resource));
        return new ResourceDefinitionContext.Builder()
                .withGroup(ApiGroups.APPS)
                .withVersion(VERSION)
                .withPlural(resource)
                .withKind(kind)
                .withNamespaced(true)
                .build();
    }

    /** The kind of {@code plural} from the API server's discovery (as the caller: discovery is open to every user). */
    private String discover(Caller caller, String plural) {
        KubernetesClient client = actingAs.client(caller);
        var served = client.getApiResources(ApiGroups.APPS + "/" + VERSION);
        if (served != null) {
            for (APIResource api : served.getResources()) {
                if (!api.getName().contains("/")) {
                    kinds.put(api.getName(), api.getKind());
                }
            }
        }
        String kind = kinds.get(plural);
        if (kind == null) {
            throw new NotFoundException("no kind " + plural + " is served in " + ApiGroups.APPS + "/" + VERSION);
        }
        return kind;
    }

    private static String checkedName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadRequestException("invalid name '" + name + "': a DNS label (lower-case letters, digits, '-',"
                    + " at most 63 characters)");
        }
        return name;
    }
}
