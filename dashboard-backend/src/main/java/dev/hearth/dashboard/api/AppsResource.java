package dev.hearth.dashboard.api;

import java.util.List;
import java.util.Optional;

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
import dev.hearth.dashboard.access.AccessRules;
import dev.hearth.dashboard.catalog.Catalog;
import dev.hearth.dashboard.catalog.CatalogEntry;
import dev.hearth.dashboard.events.TenantFeed;
import dev.hearth.dashboard.identity.ActingAs;
import dev.hearth.dashboard.identity.Caller;
import dev.hearth.dashboard.identity.CurrentCaller;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.security.Authenticated;

/**
 * The Hearth objects of a tenant ({@code apps.hearth.dev}: typed kinds, catalog apps, child tenants), read and written
 * as the caller, so RBAC decides each call. Writes take {@code ?dryRun=true}: the API server's verdict and a
 * {@link DryRunDiff}, nothing stored. An update must carry the {@code metadata.resourceVersion} it was read at, so a
 * concurrent change is a 409 rather than lost, and may not change the catalog's immutable fields. Every write is
 * logged ({@link WriteLog}).
 */
@Path("/api/v1/tenants/{namespace}/apps/{resource}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppsResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CurrentCaller current;

    @Inject
    ActingAs actingAs;

    @Inject
    AppKinds kinds;

    @Inject
    Catalog catalog;

    @Inject
    AccessRules access;

    @Inject
    TenantFeed feed;

    /**
     * From the backend's caches when the caller may list the kind there (its cached rules review says so): no API
     * call per page view. A list right after a write may lag it by the watch's delay; the write's answer carries the
     * object. Otherwise the API server answers (its refusal, or a kind not cached yet).
     */
    @GET
    public List<GenericKubernetesResource> list(
            @PathParam("namespace") String namespace, @PathParam("resource") String resource) {
        Caller caller = current.get();
        ResourceDefinitionContext context = kinds.context(caller, namespace, resource);
        if (access.allows(caller, namespace, ApiGroups.APPS, resource, null, "list", null)) {
            Optional<List<GenericKubernetesResource>> cached = feed.cached(context.getKind(), namespace);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        return actingAs.client(caller)
                .genericKubernetesResources(context)
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
                .genericKubernetesResources(kinds.context(caller, namespace, resource))
                .inNamespace(namespace)
                .withName(AppKinds.checkedName(name))
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
        ResourceDefinitionContext context = kinds.context(caller, namespace, resource);
        GenericKubernetesResource object = object(body, context, namespace, null);
        if (object.getMetadata().getResourceVersion() != null) {
            throw new BadRequestException("metadata.resourceVersion must not be set on a create: it is the version of"
                    + " an object that exists (to change one, PUT it)");
        }
        String name = object.getMetadata().getName();
        return WriteLog.logged(caller, "create", namespace, resource, name, dryRun, () -> {
            GenericKubernetesResource created = actingAs.client(caller)
                    .genericKubernetesResources(context)
                    .inNamespace(namespace)
                    .resource(object)
                    .dryRun(dryRun)
                    .create();
            return dryRun
                    ? Response.ok(DryRunDiff.of(null, created)).build()
                    : Response.status(Response.Status.CREATED).entity(created).build();
        });
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
        ResourceDefinitionContext context = kinds.context(caller, namespace, resource);
        GenericKubernetesResource object = object(body, context, namespace, AppKinds.checkedName(name));
        if (object.getMetadata().getResourceVersion() == null) {
            throw new BadRequestException("metadata.resourceVersion is required: send the version you read, so a"
                    + " change made meanwhile is refused (409) instead of overwritten");
        }
        return WriteLog.logged(caller, "update", namespace, resource, name, dryRun, () -> {
            var objects =
                    actingAs.client(caller).genericKubernetesResources(context).inNamespace(namespace);
            GenericKubernetesResource stored = objects.withName(name).get();
            if (stored == null) {
                throw new NotFoundException(resource + " " + name + " does not exist in " + namespace);
            }
            refuseImmutableChanges(resource, stored, object);
            GenericKubernetesResource updated =
                    objects.resource(object).dryRun(dryRun).update();
            return Response.ok(dryRun ? DryRunDiff.of(stored, updated) : updated)
                    .build();
        });
    }

    @DELETE
    @Path("{name}")
    public Response delete(
            @PathParam("namespace") String namespace,
            @PathParam("resource") String resource,
            @PathParam("name") String name,
            @QueryParam("dryRun") boolean dryRun) {
        Caller caller = current.get();
        ResourceDefinitionContext context = kinds.context(caller, namespace, resource);
        String checked = AppKinds.checkedName(name);
        return WriteLog.logged(caller, "delete", namespace, resource, name, dryRun, () -> {
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
        AppKinds.checkedName(objectName);
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
        copy.put("apiVersion", ApiGroups.APPS + "/" + AppKinds.VERSION);
        copy.put("kind", context.getKind());
        try {
            return JSON.treeToValue(copy, GenericKubernetesResource.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new BadRequestException("the body is no Kubernetes object: " + e.getMessage());
        }
    }

    private void refuseImmutableChanges(
            String resource, GenericKubernetesResource stored, GenericKubernetesResource update) {
        List<String> immutable =
                catalog.entry(resource).map(CatalogEntry::immutable).orElse(List.of());
        List<ApiErrors.FieldError> changed = ImmutableFields.changed(immutable, stored, update);
        if (!changed.isEmpty()) {
            throw ApiErrors.invalidFields(
                    "immutable",
                    "these fields cannot change once set: "
                            + String.join(
                                    ", ",
                                    changed.stream()
                                            .map(ApiErrors.FieldError::field)
                                            .toList()),
                    changed);
        }
    }
}
