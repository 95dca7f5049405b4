package dev.hearth.bundle.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Each fixture under values-schema holds a chart's schema, maybe its defaults (values.yaml), and a component's values,
 * and says on its first line
 * ({@code # expect: ...}) the one problem they must give, or {@code nothing}.
 */
class ValuesSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> fixtures() throws IOException {
        return Files.list(Path.of("src/test/resources/values-schema")).sorted();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void valuesThatBreakTheChartsSchemaAreNamedByComponentAndKey(Path file) throws IOException {
        String expected = Files.readAllLines(file).get(0).replaceFirst("^# expect: ", "");
        JsonNode fixture = YAML.readTree(file.toFile());

        var problems = new ChartSchema(fixture.get("schema"), fixture.get("defaults"))
                .problems("widget-app", fixture.get("values"));

        if ("nothing".equals(expected)) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0)).startsWith(expected).endsWith("(the chart's values.schema.json)");
        }
    }
}
