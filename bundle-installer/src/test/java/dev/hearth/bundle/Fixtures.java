package dev.hearth.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.BundleDocuments;
import dev.hearth.bundle.render.BundleLabels;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

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

    /** The namespace of the sources and releases, which the platform chart's release namespace is in production. */
    public static void ensureInstallerNamespace(KubernetesClient client) {
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(BundleLabels.NAMESPACE)
                        .endMetadata()
                        .build())
                .createOr(existing -> existing.patch());
    }

    public static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
