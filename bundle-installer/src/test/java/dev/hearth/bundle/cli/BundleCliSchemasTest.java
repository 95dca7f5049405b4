package dev.hearth.bundle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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
    private final CliRun cli = new CliRun();

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

        assertThat(cli.run("validate", "--bundle", bundle.toString(), "--check-schemas", "true"))
                .isEqualTo(BundleCli.ERROR);
        assertThat(cli.err())
                .contains("invalid: component extra-config: values key setting: integer found, string expected"
                        + " (the chart's values.schema.json)");
        assertThat(cli.run("validate", "--bundle", bundle.toString()))
                .as("without the option the schemas are not read")
                .isEqualTo(BundleCli.NO_CHANGE);
    }

    @Test
    void valuesTheSchemaAcceptsAreValid() throws Exception {
        Path bundle = bundle(charts.url(), "{setting: fine}");

        assertThat(cli.run("plan", "--bundle", bundle.toString(), "--check-schemas", "true"))
                .as(cli.err())
                .isEqualTo(BundleCli.CHANGES);
        assertThat(cli.out()).contains("create extra-config 1.0.0");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void aChartThatCannotBeReadIsNamedAndNotChecked() throws Exception {
        Path bundle = bundle("http://127.0.0.1:1/charts", "{setting: 5}");

        assertThat(cli.run("validate", "--bundle", bundle.toString(), "--check-schemas", "true"))
                .isEqualTo(BundleCli.NO_CHANGE);
        assertThat(cli.err()).startsWith("not checked: component extra-config: ");
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
}
