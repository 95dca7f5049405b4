package dev.hearth.bundle.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.hearth.bundle.model.Chart;

/** A chart's archive from a Helm HTTP repository: its {@code index.yaml} names the archive's URL. */
final class HelmRepositoryCharts {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final ChartHttp http;

    HelmRepositoryCharts(ChartHttp http) {
        this.http = http;
    }

    byte[] archive(Chart chart) {
        String base = chart.repository().endsWith("/") ? chart.repository() : chart.repository() + "/";
        JsonNode index;
        try {
            index = YAML.readTree(http.get(URI.create(base + "index.yaml"), null));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the index.yaml of " + chart.repository(), e);
        }
        for (JsonNode entry : index.path("entries").path(chart.name())) {
            if (chart.version().equals(entry.path("version").asText())) {
                return http.get(
                        URI.create(base).resolve(entry.path("urls").path(0).asText()), null);
            }
        }
        throw new IllegalStateException(
                "The repository " + chart.repository() + " has no chart " + chart.name() + " " + chart.version());
    }
}
