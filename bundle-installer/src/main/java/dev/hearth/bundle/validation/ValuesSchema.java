package dev.hearth.bundle.validation;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;

/**
 * A component's values checked against its chart's {@code values.schema.json}, as Helm itself would check them at
 * install time, but before anything is applied: each violation names the component and the key (dotted, from the top
 * of the values) and says what the schema wants there. Schemas without {@code $schema} are read as draft-07, the draft
 * Helm's own checker defaults to.
 */
public final class ValuesSchema {
    private ValuesSchema() {}

    /** Every violation, sorted by key; empty when the values fit. */
    public static List<String> problems(String component, JsonNode schema, JsonNode values) {
        SpecVersion.VersionFlag draft =
                SpecVersionDetector.detectOptionalVersion(schema, false).orElse(SpecVersion.VersionFlag.V7);
        JsonSchema checker = JsonSchemaFactory.getInstance(draft).getSchema(schema);
        return checker.validate(values).stream()
                .sorted(Comparator.comparing(ValuesSchema::key).thenComparing(ValidationMessage::getMessage))
                .map(m -> "component " + component + ": values key " + key(m) + ": " + what(m)
                        + " (the chart's values.schema.json)")
                .distinct()
                .toList();
    }

    /** {@code image.tag}, {@code ports[0]}; {@code (top level)} for the values as a whole. */
    private static String key(ValidationMessage message) {
        String at = message.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            at = at.isEmpty() ? message.getProperty() : at + "." + message.getProperty();
        }
        return at.isEmpty() ? "(top level)" : at;
    }

    /** The validator's message without its own location prefix ({@code $.a.b: }), which {@link #key} says better. */
    private static String what(ValidationMessage message) {
        return message.getMessage().replaceFirst("^\\$[^:]*: ", "");
    }
}
