package dev.hearth.catalog.kind;

import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The API coordinates of the kind an ApplicationDefinition declares. */
public record CatalogKind(String kind, String singular, String plural) {

    public static CatalogKind of(ApplicationDefinition definition) {
        var application = definition.getSpec().application;
        return new CatalogKind(application.kind, application.singular, application.plural);
    }

    public String crdName() {
        return plural + "." + ApiGroups.APPS;
    }

    public String apiVersion() {
        return ApiGroups.APPS + "/" + ApiGroups.VERSION;
    }

    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder()
                .withGroup(ApiGroups.APPS)
                .withVersion(ApiGroups.VERSION)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }
}
