package dev.hearth.dashboard.catalog;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.api.catalog.ApplicationDefinitionSpec;
import dev.hearth.core.api.catalog.Dashboard;

/**
 * One kind of the catalog as the dashboard shows and orders it.
 *
 * @param managedBy the service that reconciles the kind ({@code vm-service}, ...), null for a chart app
 * @param module a tenant module (shown in the tenant's settings, not the marketplace)
 */
public record CatalogEntry(
        String kind,
        String plural,
        String singular,
        String title,
        String titlePlural,
        String description,
        String category,
        List<String> tags,
        String icon,
        boolean module,
        String managedBy,
        JsonNode schema,
        JsonNode uiSchema,
        List<String> immutable,
        List<String> secretFields) {

    static CatalogEntry of(ApplicationDefinition definition, FormSchema form) {
        ApplicationDefinitionSpec spec = definition.getSpec();
        Dashboard dashboard = spec.dashboard == null ? new Dashboard() : spec.dashboard;
        return new CatalogEntry(
                spec.application.kind,
                spec.application.plural,
                spec.application.singular,
                dashboard.singular == null ? spec.application.kind : dashboard.singular,
                dashboard.plural == null ? spec.application.kind : dashboard.plural,
                dashboard.description,
                dashboard.category == null ? null : dashboard.category.name(),
                dashboard.tags == null ? List.of() : List.copyOf(dashboard.tags),
                dashboard.icon,
                Boolean.TRUE.equals(dashboard.module),
                spec.managedBy == null ? null : managedByName(spec.managedBy),
                form.schema(),
                form.uiSchema(),
                form.immutable(),
                form.secretFields());
    }

    private static String managedByName(ApplicationDefinitionSpec.ManagedBy managedBy) {
        return switch (managedBy) {
            case TENANT_SERVICE -> "tenant-service";
            case KUBERNETES_SERVICE -> "kubernetes-service";
            case VM_SERVICE -> "vm-service";
        };
    }
}
