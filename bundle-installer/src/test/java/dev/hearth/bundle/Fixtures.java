package dev.hearth.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.BundleDocuments;

/** The bundle documents under {@code src/test/resources/bundles}. */
public final class Fixtures {
    private Fixtures() {}

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/bundles/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("No fixture bundles/" + name, e);
        }
    }

    public static Bundle bundle(String name) {
        return BundleDocuments.read(path(name));
    }

    public static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
