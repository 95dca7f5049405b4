package dev.hearth.bundle.render;

import java.util.Locale;
import java.util.Map;

import dev.hearth.core.ContentHash;
import dev.hearth.core.Labels;
import dev.hearth.core.upstream.ChartRepositoryFor;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.Upstream;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** The Flux HelmRepository of one chart repository (type {@code oci} for {@code oci://} ones), shared by its charts. */
public final class SourceFor {
    private static final int MAX_READABLE = 40;

    private SourceFor() {}

    /** A readable name with a hash, so two repositories never share a source: {@code charts-jetstack-io-1a2b3c}. */
    public static String name(String repository) {
        String readable = repository
                .replaceFirst("^[a-z]+://", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        if (readable.length() > MAX_READABLE) {
            readable = readable.substring(0, MAX_READABLE).replaceAll("-$", "");
        }
        return readable + "-" + ContentHash.of(repository, 6);
    }

    public static Flux.HelmRepository desired(String bundle, String repository) {
        return Upstream.object(
                Flux.HelmRepository.class,
                new ObjectMetaBuilder()
                        .withName(name(repository))
                        .withNamespace(BundleLabels.NAMESPACE)
                        .withLabels(Map.of(Labels.MANAGED_BY, BundleLabels.FIELD_MANAGER, BundleLabels.BUNDLE, bundle))
                        .build(),
                ChartRepositoryFor.spec(repository, "1h"));
    }
}
