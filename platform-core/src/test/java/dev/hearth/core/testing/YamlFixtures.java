package dev.hearth.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * YAML fixtures on the test class path ({@code src/test/resources}): resources read as typed objects, and golden files
 * of expected objects compared as plain maps and lists, with the actual output written under {@code target/} for a diff.
 */
public final class YamlFixtures {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlFixtures() {}

    /** The fixture at {@code path} (e.g. {@code mapping/minimal.yaml}) as a {@code type}. */
    public static <T> T read(String path, Class<T> type) {
        try (InputStream in = open(path)) {
            return SERIALIZATION.unmarshal(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML document given inline, as a {@code type}. */
    public static <T> T parse(String yaml, Class<T> type) {
        return SERIALIZATION.unmarshal(yaml, type);
    }

    /** The golden file at {@code path}: a YAML list of objects, as plain maps and lists. */
    public static List<Object> golden(String path) {
        try (InputStream in = open(path)) {
            return YAML.readValue(in, new TypeReference<List<Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code objects} as the plain maps and lists YAML parses to, written to {@code target/<path>} so that a failing
     * comparison with {@link #golden} can be diffed by eye.
     */
    public static List<Object> actual(String path, List<?> objects) {
        try {
            String yaml = YAML.writeValueAsString(YAML.readValue(SERIALIZATION.asJson(objects), List.class));
            Path actual = Path.of("target", "golden-actual", path);
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, yaml);
            return YAML.readValue(yaml, new TypeReference<List<Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("No fixture " + path + " on the test class path");
        }
        return in;
    }
}
