package dev.hearth.bundle.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.hearth.bundle.validation.ChartSchema;

/** The schema and default values in a chart's archive, a gzipped tar as {@code helm package} writes it. */
final class ChartArchive {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int BLOCK = 512;

    private ChartArchive() {}

    /**
     * {@code <name>/values.schema.json} in the archive with the defaults of {@code <name>/values.yaml}, empty when the
     * chart ships no schema.
     */
    static Optional<ChartSchema> schemaIn(byte[] tgz, String name) {
        JsonNode schema = null;
        JsonNode defaults = null;
        try (InputStream tar = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
            while (true) {
                byte[] header = tar.readNBytes(BLOCK);
                if (header.length < BLOCK || header[0] == 0) {
                    return schema == null ? Optional.empty() : Optional.of(new ChartSchema(schema, defaults));
                }
                String path = field(header, 345, 155).isEmpty()
                        ? field(header, 0, 100)
                        : field(header, 345, 155) + "/" + field(header, 0, 100);
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                byte[] content = tar.readNBytes((int) size);
                tar.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
                if (path.equals(name + "/values.schema.json")) {
                    schema = JSON.readTree(content);
                } else if (path.equals(name + "/values.yaml")) {
                    defaults = YAML.readTree(content);
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
}
