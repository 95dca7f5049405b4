package dev.hearth.catalog.api;

import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.hearth.core.api.catalog.ApplicationDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Read-only catalog: the kinds users can create, from the ApplicationDefinitions in the cluster. */
@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    KubernetesClient client;

    @GET
    @Operation(summary = "Every kind of the catalog, ordered by category and name")
    public List<CatalogEntry> list() {
        return client.resources(ApplicationDefinition.class).list().getItems().stream()
                .map(CatalogEntry::of)
                .sorted(Comparator.comparing((CatalogEntry e) -> String.valueOf(e.category())).thenComparing(CatalogEntry::kind))
                .toList();
    }

    @GET
    @Path("/{kind}")
    @Operation(summary = "One kind of the catalog, by kind name (e.g. Postgres), case-insensitive")
    public CatalogEntry get(@PathParam("kind") String kind) {
        return client.resources(ApplicationDefinition.class).list().getItems().stream()
                .filter(d -> d.getSpec().application.kind.equalsIgnoreCase(kind))
                .findFirst()
                .map(CatalogEntry::of)
                .orElseThrow(() -> new NotFoundException("No catalog kind " + kind));
    }
}
