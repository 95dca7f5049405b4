package dev.hearth.dashboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

class FormSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<List<String>> POSTGRES_ORDER = List.of(
            List.of("spec", "replicas"),
            List.of("spec", "size"),
            List.of("spec", "storageClass"),
            List.of("spec", "version"),
            List.of("spec", "external"),
            List.of("spec", "users"),
            List.of("spec", "databases"));

    /** The chart's schema as apps-catalog serves it, through the transform, equals the golden form. */
    @Test
    void postgresBecomesTheGoldenForm() throws IOException {
        JsonNode chart = JSON.readTree(
                Path.of("../deploy/charts/apps/postgres/values.schema.json").toFile());
        FormSchema form = FormSchema.of(chart, POSTGRES_ORDER);

        JsonNode golden = JSON.readTree(Files.readString(Path.of("src/test/resources/catalog/postgres-form.json")));
        JsonNode actual = JSON.valueToTree(form);
        assertThat(actual).isEqualTo(golden);
    }

    @Test
    void celRulesAndKubernetesExtensionsAreGoneEverywhere() throws IOException {
        JsonNode chart = JSON.readTree(
                Path.of("../deploy/charts/apps/postgres/values.schema.json").toFile());
        String form = JSON.writeValueAsString(FormSchema.of(chart, List.of()).schema());
        assertThat(form).doesNotContain("x-kubernetes-", "oldSelf", "$schema", "nullable");
        assertThat(chart.toString()).as("the input is not modified").contains("x-kubernetes-validations");
    }

    @Test
    void immutableFieldsFollowTheRulesThatKeepThem() throws IOException {
        JsonNode schema = JSON.readTree("""
                {"type": "object",
                 "x-kubernetes-validations": [
                   {"rule": "self.source == oldSelf.source"},
                   {"rule": "quantity(string(self.size)).compareTo(quantity(string(oldSelf.size))) >= 0"}],
                 "properties": {
                   "source": {"type": "object"},
                   "size": {"type": "string", "x-kubernetes-int-or-string": true},
                   "nodeGroups": {"type": "object", "additionalProperties": {
                     "type": "object",
                     "properties": {"role": {"type": "string", "x-kubernetes-validations": [{"rule": "self == oldSelf"}]},
                                    "apiToken": {"type": "string"}}}}}}
                """);
        FormSchema form = FormSchema.of(schema, List.of());

        assertThat(form.immutable()).containsExactly("/source", "/nodeGroups/*/role");
        assertThat(form.secretFields()).containsExactly("/nodeGroups/*/apiToken");
        assertThat(form.schema().at("/properties/size/type").toString()).isEqualTo("[\"integer\",\"string\"]");
        assertThat(form.uiSchema()
                        .at("/nodeGroups/additionalProperties/apiToken/ui:widget")
                        .asText())
                .isEqualTo("password");
    }

    @Test
    void nestedKeysOrderOrdersTheNestedObject() throws IOException {
        JsonNode schema = JSON.readTree(
                "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"object\"}, \"b\": {\"type\": \"string\"}}}");
        FormSchema form = FormSchema.of(
                schema, List.of(List.of("spec", "b"), List.of("spec", "a"), List.of("spec", "a", "y"), List.of("x")));

        assertThat(form.uiSchema().get("ui:order").toString()).isEqualTo("[\"b\",\"a\",\"*\"]");
        assertThat(form.uiSchema().at("/a/ui:order").toString()).isEqualTo("[\"y\",\"*\"]");
    }

    @Test
    void noSchemaIsAnOpenObject() {
        FormSchema form = FormSchema.of(null, null);
        assertThat(form.schema().toString()).isEqualTo("{\"type\":\"object\"}");
        assertThat(form.immutable()).isEmpty();
    }
}
