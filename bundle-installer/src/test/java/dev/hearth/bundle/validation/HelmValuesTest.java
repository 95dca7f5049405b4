package dev.hearth.bundle.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

class HelmValuesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void givenValuesGoOverTheChartsDefaultsMapsMergingKeyByKey() throws Exception {
        JsonNode defaults = YAML.readTree("""
                replicas: 1
                image: {repository: hearth/app, tag: "1.0", pullPolicy: IfNotPresent}
                ports: [80, 443]
                resources: {limits: {memory: 1Gi}}
                """);
        JsonNode given = YAML.readTree("""
                image: {tag: "2.0"}
                ports: [8080]
                resources: null
                extra: {nested: null, kept: true}
                """);

        assertThat(HelmValues.coalesce(defaults, given)).isEqualTo(YAML.readTree("""
                        replicas: 1
                        image: {repository: hearth/app, tag: "2.0", pullPolicy: IfNotPresent}
                        ports: [8080]
                        extra: {kept: true}
                        """));
    }

    @Test
    void aMapGivenForAScalarDefaultReplacesItAndTheDefaultsAreNotChanged() throws Exception {
        JsonNode defaults = YAML.readTree("setting: plain\nkept: null\n");

        assertThat(HelmValues.coalesce(defaults, YAML.readTree("setting: {deep: 1}\n")))
                .isEqualTo(YAML.readTree("setting: {deep: 1}\n"));
        assertThat(defaults).isEqualTo(YAML.readTree("setting: plain\nkept: null\n"));
    }

    @Test
    void noValuesGivenAreTheDefaults() throws Exception {
        assertThat(HelmValues.coalesce(YAML.readTree("a: {b: 1}\n"), YAML.createObjectNode()))
                .isEqualTo(YAML.readTree("a: {b: 1}\n"));
    }

    @Test
    void anEmptyValuesYamlGivesNoDefaults() throws Exception {
        ChartSchema schema = new ChartSchema(YAML.readTree("{type: object, required: [setting]}"), YAML.readTree(""));

        assertThat(schema.problems("extra", YAML.createObjectNode()))
                .containsExactly("component extra: values key setting: required property 'setting' not found"
                        + " (the chart's values.schema.json)");
        assertThat(schema.problems("extra", YAML.readTree("setting: x"))).isEmpty();
    }
}
