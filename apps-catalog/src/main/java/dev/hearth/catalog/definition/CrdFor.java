package dev.hearth.catalog.definition;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.catalog.kind.CatalogKind;
import dev.hearth.core.Labels;
import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrArray;

/** The CRD of a catalog kind, built from its ApplicationDefinition: the definition's schema becomes the spec. */
public final class CrdFor {
    public static final String CATALOG_CATEGORY = "hearth-apps";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CrdFor() {}

    /**
     * @param fieldManager the service's field manager ({@code hearth-apps-catalog}), the value of the managed-by label
     * @throws InvalidDefinitionException when the schema is not a JSON object schema
     */
    public static CustomResourceDefinition desired(ApplicationDefinition definition, String fieldManager) {
        CatalogKind kind = CatalogKind.of(definition);
        JSONSchemaProps spec = specSchema(definition.getSpec().application.openAPISchema);
        JSONSchemaProps status = new JSONSchemaPropsBuilder()
                .withType("object")
                .addToProperties(
                        "observedGeneration",
                        new JSONSchemaPropsBuilder()
                                .withType("integer")
                                .withFormat("int64")
                                .build())
                .addToProperties(
                        "version",
                        new JSONSchemaPropsBuilder()
                                .withType("string")
                                .withDescription("Chart version of the last release attempt.")
                                .build())
                .addToProperties(
                        "conditions",
                        new JSONSchemaPropsBuilder()
                                .withType("array")
                                .withItems(new JSONSchemaPropsOrArray(
                                        null,
                                        new JSONSchemaPropsBuilder()
                                                .withType("object")
                                                .withXKubernetesPreserveUnknownFields(true)
                                                .build()))
                                .build())
                .build();
        JSONSchemaProps root = new JSONSchemaPropsBuilder()
                .withType("object")
                .withDescription(
                        definition.getSpec().dashboard == null
                                ? kind.kind()
                                : definition.getSpec().dashboard.description)
                .addToProperties("spec", spec)
                .addToProperties("status", status)
                .build();
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(kind.crdName())
                .withLabels(Map.of(Labels.MANAGED_BY, fieldManager))
                .endMetadata()
                .withNewSpec()
                .withGroup(ApiGroups.APPS)
                .withScope("Namespaced")
                .withNewNames()
                .withKind(kind.kind())
                .withSingular(kind.singular())
                .withPlural(kind.plural())
                .withCategories(List.of(ApiGroups.CATEGORY, CATALOG_CATEGORY))
                .endNames()
                .addNewVersion()
                .withName(ApiGroups.VERSION)
                .withServed(true)
                .withStorage(true)
                .withNewSubresources()
                .withNewStatus()
                .endStatus()
                .endSubresources()
                .withNewSchema()
                .withOpenAPIV3Schema(root)
                .endSchema()
                .addNewAdditionalPrinterColumn()
                .withName("Ready")
                .withType("string")
                .withJsonPath(".status.conditions[?(@.type==\"Ready\")].status")
                .endAdditionalPrinterColumn()
                .addNewAdditionalPrinterColumn()
                .withName("Version")
                .withType("string")
                .withJsonPath(".status.version")
                .endAdditionalPrinterColumn()
                .addNewAdditionalPrinterColumn()
                .withName("Age")
                .withType("date")
                .withJsonPath(".metadata.creationTimestamp")
                .endAdditionalPrinterColumn()
                .endVersion()
                .endSpec()
                .build();
    }

    static JSONSchemaProps specSchema(String openAPISchema) {
        JSONSchemaProps schema;
        try {
            schema = JSON.readValue(openAPISchema, JSONSchemaProps.class);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(
                    "spec.application.openAPISchema is not valid JSON: " + e.getOriginalMessage());
        }
        // a values.schema.json names its JSON Schema dialect; a CRD schema must not
        schema.set$schema(null);
        if (!"object".equals(schema.getType())) {
            throw new InvalidDefinitionException(
                    "spec.application.openAPISchema must describe an object (\"type\": \"object\")");
        }
        return schema;
    }
}
