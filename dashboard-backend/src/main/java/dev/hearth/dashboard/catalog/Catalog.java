package dev.hearth.dashboard.catalog;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.hearth.core.api.catalog.ApplicationDefinition;

/** The catalog: every ApplicationDefinition with its form-ready schema. */
@ApplicationScoped
public class Catalog {
    @Inject
    CatalogDefinitions definitions;

    @Inject
    SpecSchemas schemas;

    public List<CatalogEntry> entries() {
        return definitions.all().stream().map(this::entry).toList();
    }

    public Optional<CatalogEntry> entry(String plural) {
        return definitions.byPlural(plural).map(this::entry);
    }

    private CatalogEntry entry(ApplicationDefinition definition) {
        return CatalogEntry.of(definition, FormSchema.of(schemas.of(definition), keysOrder(definition)));
    }

    private static List<List<String>> keysOrder(ApplicationDefinition definition) {
        return definition.getSpec().dashboard == null ? List.of() : definition.getSpec().dashboard.keysOrder;
    }

    /** The definition of the kind served as {@code plural}. */
    public Optional<ApplicationDefinition> definition(String plural) {
        return definitions.byPlural(plural);
    }
}
