package dev.hearth.dashboard.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.hearth.dashboard.catalog.Catalog;
import dev.hearth.dashboard.catalog.CatalogEntry;
import io.quarkus.security.Authenticated;

/**
 * The kinds users can order, with form-ready schemas. The same for every signed-in user: whether the caller may create
 * one in a tenant is {@code GET /tenants/{namespace}/actions}.
 */
@Path("/api/v1/catalog")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {
    @Inject
    Catalog catalog;

    @GET
    public List<CatalogEntry> list() {
        return catalog.entries();
    }

    @GET
    @Path("{plural}")
    public CatalogEntry get(@PathParam("plural") String plural) {
        return catalog.entry(plural).orElseThrow(() -> new NotFoundException("no kind " + plural + " in the catalog"));
    }
}
