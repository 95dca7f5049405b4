package dev.hearth.bundle.validation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A chart's {@code values.schema.json} and the defaults of its {@code values.yaml}: Helm checks the schema against the
 * values coalesced over those defaults ({@link HelmValues}), so a key the schema requires may come from either.
 */
public record ChartSchema(JsonNode schema, JsonNode defaults) {
    public ChartSchema {
        // an empty values.yaml reads as no document at all
        defaults = defaults == null || defaults.isNull() || defaults.isMissingNode()
                ? JsonNodeFactory.instance.objectNode()
                : defaults;
    }

    /** {@link ValuesSchema#problems} of {@code values} over the chart's defaults. */
    public List<String> problems(String component, JsonNode values) {
        return ValuesSchema.problems(component, schema, HelmValues.coalesce(defaults, values));
    }
}
