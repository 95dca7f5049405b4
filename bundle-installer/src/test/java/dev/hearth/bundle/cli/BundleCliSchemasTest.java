package dev.hearth.bundle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hearth.core.testing.HelmChartRepository;

/**
 * The offline command line with {@code --check-schemas true}: the bundle's values against each chart's
 * {@code values.schema.json}, read from a real Helm repository on loopback (the test charts; extra-config ships one).
 */
class BundleCliSchemasTest {
    private static HelmChartRepository charts;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @BeforeAll
    static void serveTheTestCharts() {
        charts = HelmChartRepository.serve(Path.of("src/test/resources/flux-charts"), 0);
    }

    @AfterAll
    static void stop() {
        charts.close();
    }

    @Test
    void valuesTheChartsSchemaRefusesMakeTheBundleInvalid() throws Exception {
        Path bundle = bundle(charts.url(), "{setting: 5}");

        assertThat(run("validate", "--bundle", bundle.toString(), "--check-schemas", "true"))
                .isEqualTo(BundleCli.ERROR);
        assertThat(err())
                .contains("invalid: component extra-config: values key setting: integer found, string expected"
                        + " (the chart's values.schema.json)");
        assertThat(run("validate", "--bundle", bundle.toString()))
                .as("without the option the schemas are not read")
                .isEqualTo(BundleCli.NO_CHANGE);
    }

    @Test
    void valuesTheSchemaAcceptsAreValid() throws Exception {
        Path bundle = bundle(charts.url(), "{setting: fine}");

        assertThat(run("plan", "--bundle", bundle.toString(), "--check-schemas", "true"))
                .as(err())
                .isEqualTo(BundleCli.CHANGES);
        assertThat(out()).contains("create extra-config 1.0.0");
        assertThat(err()).isEmpty();
    }

    @Test
    void aChartThatCannotBeReadIsNamedAndNotChecked() throws Exception {
        Path bundle = bundle("http://127.0.0.1:1/charts", "{setting: 5}");

        assertThat(run("validate", "--bundle", bundle.toString(), "--check-schemas", "true"))
                .isEqualTo(BundleCli.NO_CHANGE);
        assertThat(err()).startsWith("not checked: component extra-config: ");
    }

    private Path bundle(String repository, String values) throws Exception {
        Path bundle = dir.resolve("bundle.yaml");
        Files.writeString(bundle, """
                name: schemas
                version: 1.0.0
                components:
                  - name: extra-config
                    layer: paas
                    namespace: extra
                    chart: {repository: "%s", name: extra-config, version: 1.0.0}
                    values: %s
                """.formatted(repository, values));
        return bundle;
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return BundleCli.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
