package dev.hearth.catalog.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.api.catalog.Dashboard;
import dev.hearth.core.api.catalog.Release;

/** One kind of the catalog as the dashboard needs it: names, category, schema with its defaults, chart, what it exposes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogEntry(
        String kind,
        String singular,
        String plural,
        String category,
        String managedBy,
        Map<String, Object> schema,
        Dashboard dashboard,
        Release.Chart chart,
        List<String> secrets,
        List<String> services) {
    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    static CatalogEntry of(ApplicationDefinition definition, Map<String, Object> crdSchema) {
        var spec = definition.getSpec();
        Map<String, Object> schema = crdSchema;
        if (schema == null) {
            try {
                schema = JSON.readValue(spec.application.openAPISchema, Map.class);
            } catch (Exception e) {
                // a broken schema is reported on the definition's status; the catalog shows the kind without one
                schema = Map.of();
            }
        }
        return new CatalogEntry(
                spec.application.kind,
                spec.application.singular,
                spec.application.plural,
                spec.dashboard == null ? null : spec.dashboard.category.name(),
                spec.managedBy == null
                        ? null
                        : spec.managedBy.name().toLowerCase().replace('_', '-'),
                schema,
                spec.dashboard,
                spec.release == null ? null : spec.release.chart,
                spec.exposes == null ? List.of() : spec.exposes.secrets,
                spec.exposes == null ? List.of() : spec.exposes.services);
    }
}
