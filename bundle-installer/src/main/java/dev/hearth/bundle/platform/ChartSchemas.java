package dev.hearth.bundle.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.hearth.bundle.model.Chart;

/**
 * A chart's {@code values.schema.json}, read from its Helm repository (the {@code index.yaml}, then the chart's archive)
 * once per chart version: a published chart version never changes. Charts from an OCI registry are not read (their
 * values are checked by Helm at install time only).
 */
@ApplicationScoped
public class ChartSchemas {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BLOCK = 512;
    private static final Logger LOG = Logger.getLogger(ChartSchemas.class);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final Map<Chart, Optional<JsonNode>> read = new ConcurrentHashMap<>();

    /**
     * The chart's schema, empty when it ships none, comes from an OCI registry, or cannot be read now (then Helm still
     * checks the values at install time, and the next pass tries again).
     */
    public Optional<JsonNode> of(Chart chart) {
        if (chart.oci()) {
            return Optional.empty();
        }
        Optional<JsonNode> known = read.get(chart);
        if (known == null) {
            try {
                known = fetch(chart);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Values of %s %s not checked: %s", chart.name(), chart.version(), e.getMessage());
                return Optional.empty();
            }
            read.put(chart, known);
        }
        return known;
    }

    private Optional<JsonNode> fetch(Chart chart) throws IOException {
        String base = chart.repository().endsWith("/") ? chart.repository() : chart.repository() + "/";
        JsonNode index = YAML.readTree(get(URI.create(base + "index.yaml")));
        for (JsonNode entry : index.path("entries").path(chart.name())) {
            if (chart.version().equals(entry.path("version").asText())) {
                URI archive =
                        URI.create(base).resolve(entry.path("urls").path(0).asText());
                return schemaIn(get(archive), chart.name());
            }
        }
        throw new IllegalStateException(
                "The repository " + chart.repository() + " has no chart " + chart.name() + " " + chart.version());
    }

    /** {@code <name>/values.schema.json} in the chart's archive (a gzipped tar, as {@code helm package} writes). */
    static Optional<JsonNode> schemaIn(byte[] tgz, String name) {
        try (InputStream tar = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
            while (true) {
                byte[] header = tar.readNBytes(BLOCK);
                if (header.length < BLOCK || header[0] == 0) {
                    return Optional.empty();
                }
                String path = field(header, 345, 155).isEmpty()
                        ? field(header, 0, 100)
                        : field(header, 345, 155) + "/" + field(header, 0, 100);
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                byte[] content = tar.readNBytes((int) size);
                tar.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
                if (path.equals(name + "/values.schema.json")) {
                    return Optional.of(JSON.readTree(content));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the archive of chart " + name, e);
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private byte[] get(URI uri) {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + ": HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + uri + " interrupted", e);
        }
    }
}
