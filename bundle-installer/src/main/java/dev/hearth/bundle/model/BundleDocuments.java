package dev.hearth.bundle.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Bundle documents: the ones shipped in the jar ({@code bundles/<name>.yaml}) or a file of the administrator's. */
public final class BundleDocuments {
    /** The bundles bundle-installer ships, by name. */
    public static final List<String> SHIPPED = List.of("hearth");

    // an unknown field is a typo in a bundle: refused, not ignored
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BundleDocuments() {}

    public static Bundle parse(String yaml) {
        try {
            return YAML.readValue(yaml, Bundle.class);
        } catch (JsonProcessingException e) {
            throw new InvalidBundleException("Not a bundle document: " + e.getOriginalMessage(), e);
        }
    }

    public static Bundle read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bundle " + file, e);
        }
    }

    public static Bundle shipped(String name) {
        try (InputStream in = BundleDocuments.class.getResourceAsStream("/bundles/" + name + ".yaml")) {
            if (in == null) {
                throw new InvalidBundleException("No bundle " + name + "; shipped: " + SHIPPED, null);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document that is no bundle, with what is wrong in it. */
    public static class InvalidBundleException extends RuntimeException {
        public InvalidBundleException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
