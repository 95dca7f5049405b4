package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;

import dev.hearth.bundle.model.Chart;
import dev.hearth.bundle.validation.ChartSchema;
import dev.hearth.core.testing.HelmChartRepository;
import dev.hearth.core.testing.TestOciRegistry;
import dev.hearth.core.testing.TestPaths;

/**
 * A chart's {@code values.schema.json} read from a real OCI registry (and from a Helm repository, the other source),
 * without an API server: the test charts {@code extra-config} (ships a schema) and {@code base-config} (ships none)
 * pushed to it. An archive that does not match its digest is not checked, said in a warning, and read again later.
 */
class ChartSchemasIT {
    private static final Path CHARTS = Path.of("src/test/resources/flux-charts");
    private static TestOciRegistry registry;
    private static CorruptingProxy proxy;

    @RegisterExtension
    final ChartSchemaWarnings warnings = new ChartSchemaWarnings();

    @BeforeAll
    static void pushTheTestCharts() throws IOException {
        registry = TestOciRegistry.start();
        registry.push("charts", CHARTS.resolve("extra-config"));
        registry.push("charts", CHARTS.resolve("base-config"));
        // an image, not a chart: the archive as a container image's layer
        registry.push("images", CHARTS.resolve("extra-config"), "application/vnd.oci.image.layer.v1.tar+gzip");
        registry.push("charts", withVersion(CHARTS.resolve("extra-config"), "1.0.0+build.7"));
        proxy = new CorruptingProxy(registry.host());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        registry.close();
    }

    @Test
    void theSchemaOfAChartFromAnOciRegistryIsTheOneItsArchiveShips() throws IOException {
        Chart chart = new Chart(registry.url("charts"), "extra-config", "1.0.0");

        assertThat(new ChartSchemas().of(chart).map(ChartSchema::schema))
                .contains(new ObjectMapper()
                        .readTree(Files.readString(CHARTS.resolve("extra-config/values.schema.json"))));
        assertThat(warnings.messages()).isEmpty();
    }

    @Test
    void aVersionWithBuildMetadataIsReadUnderHelmsTag() {
        Chart chart = new Chart(registry.url("charts"), "extra-config", "1.0.0+build.7");

        assertThat(new ChartSchemas().read(chart)).isPresent();
    }

    @Test
    void anArtifactWithoutAHelmChartLayerIsNotChecked() {
        Chart chart = new Chart(registry.url("images"), "extra-config", "1.0.0");

        assertThatThrownBy(() -> new ChartSchemas().read(chart)).hasMessageEndingWith("has no Helm chart layer");
        assertThat(new ChartSchemas().of(chart)).isEmpty();
    }

    @Test
    void aChartFromAnOciRegistryWithoutASchemaHasNone() {
        Chart chart = new Chart(registry.url("charts"), "base-config", "1.0.0");

        assertThat(new ChartSchemas().read(chart)).isEmpty();
    }

    @Test
    void anArchiveThatDoesNotMatchItsDigestIsNotCheckedWithAWarningAndReadAgainOnTheNextPass() {
        ChartSchemas schemas = new ChartSchemas();
        Chart chart = new Chart(proxy.url("charts"), "extra-config", "1.0.0");
        proxy.corrupt.set(true);

        assertThat(schemas.of(chart)).isEmpty();
        assertThat(warnings.messages())
                .singleElement()
                .asString()
                .startsWith("Values of extra-config 1.0.0 not checked: The chart archive of extra-config 1.0.0"
                        + " does not match its digest sha256:");

        proxy.corrupt.set(false);
        assertThat(schemas.of(chart)).isPresent();
    }

    @Test
    void aVersionTheRegistryDoesNotHaveIsNotChecked() {
        Chart chart = new Chart(registry.url("charts"), "extra-config", "9.9.9");

        assertThatThrownBy(() -> new ChartSchemas().read(chart)).hasMessageContaining("HTTP 404");
        assertThat(new ChartSchemas().of(chart)).isEmpty();
        assertThat(warnings.messages()).singleElement().asString().contains("not checked", "manifests/9.9.9");
    }

    @Test
    void theSchemaOfAChartFromAHelmRepositoryIsTheOneItsArchiveShips() throws IOException {
        try (HelmChartRepository repository = HelmChartRepository.serve(CHARTS, 0)) {
            ChartSchema read = new ChartSchemas()
                    .of(new Chart(repository.url(), "extra-config", "1.0.0"))
                    .orElseThrow();
            assertThat(read.schema())
                    .isEqualTo(new ObjectMapper()
                            .readTree(Files.readString(CHARTS.resolve("extra-config/values.schema.json"))));
            // what Helm checks the schema against: the given values over these
            assertThat(read.defaults())
                    .isEqualTo(new ObjectMapper(new YAMLFactory())
                            .readTree(Files.readString(CHARTS.resolve("extra-config/values.yaml"))));
            assertThat(new ChartSchemas().read(new Chart(repository.url(), "base-config", "1.0.0")))
                    .isEmpty();
        }
    }

    private static Path withVersion(Path chart, String version) throws IOException {
        Path copy = Files.createTempDirectory("hearth-chart").resolve(chart.getFileName());
        TestPaths.copyTree(chart, copy);
        Path chartYaml = copy.resolve("Chart.yaml");
        Files.writeString(
                chartYaml, Files.readString(chartYaml).replaceFirst("(?m)^version: .*$", "version: " + version));
        return copy;
    }

    /**
     * Forwards every GET to the registry and, while {@link #corrupt} is set, changes the last byte of each blob it
     * returns: the archive a registry or the network spoilt on its way.
     */
    private static final class CorruptingProxy implements AutoCloseable {
        final AtomicBoolean corrupt = new AtomicBoolean();
        private final HttpServer server;

        CorruptingProxy(String upstream) throws IOException {
            HttpClient http = HttpClient.newHttpClient();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    HttpRequest.Builder forward =
                            HttpRequest.newBuilder(URI.create("http://" + upstream + exchange.getRequestURI()));
                    String accept = exchange.getRequestHeaders().getFirst("Accept");
                    if (accept != null) {
                        forward.header("Accept", accept);
                    }
                    HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                    byte[] body = response.body();
                    if (corrupt.get() && exchange.getRequestURI().getPath().contains("/blobs/") && body.length > 0) {
                        body[body.length - 1] ^= 1;
                    }
                    response.headers()
                            .firstValue("Content-Type")
                            .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
                    exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
                    exchange.getResponseBody().write(body);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        String url(String repository) {
            return "oci://127.0.0.1:" + server.getAddress().getPort() + "/" + repository;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
