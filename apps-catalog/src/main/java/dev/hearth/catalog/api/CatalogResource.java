package dev.hearth.catalog.api;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.hearth.core.api.ApiGroups;
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
                .map(this::entry)
                .sorted(Comparator.comparing((CatalogEntry e) -> String.valueOf(e.category()))
                        .thenComparing(CatalogEntry::kind))
                .toList();
    }

    @GET
    @Path("/{kind}")
    @Operation(summary = "One kind of the catalog, by kind name (e.g. Postgres), case-insensitive")
    public CatalogEntry get(@PathParam("kind") String kind) {
        return client.resources(ApplicationDefinition.class).list().getItems().stream()
                .filter(d -> d.getSpec().application.kind.equalsIgnoreCase(kind))
                .findFirst()
                .map(this::entry)
                .orElseThrow(() -> new NotFoundException("No catalog kind " + kind));
    }

    /** Kinds a dedicated service reconciles have their CRD from platform-core: the catalog shows that CRD's spec schema. */
    private CatalogEntry entry(ApplicationDefinition definition) {
        if (definition.getSpec().managedBy == null) {
            return CatalogEntry.of(definition, null);
        }
        var crd = client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(definition.getSpec().application.plural + "." + ApiGroups.APPS)
                .get();
        if (crd == null) {
            return CatalogEntry.of(definition, null);
        }
        var spec = crd.getSpec()
                .getVersions()
                .get(0)
                .getSchema()
                .getOpenAPIV3Schema()
                .getProperties()
                .get("spec");
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = client.getKubernetesSerialization().convertValue(spec, Map.class);
        return CatalogEntry.of(definition, schema);
    }
}
