package dev.hearth.catalog.definition;

import java.util.Map;

import dev.hearth.core.Labels;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.Upstream;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * The Flux HelmRepository {@value #NAMESPACE}/{@value #NAME} that every built-in definition's chart comes from: Hearth's
 * app charts, served at {@code hearth.catalog.chart-repository-url}. apps-catalog writes it with the definitions, so
 * the source they name exists wherever they do.
 */
public final class ChartRepositoryFor {
    public static final String NAME = "hearth-apps";
    public static final String NAMESPACE = "hearth-system";

    private ChartRepositoryFor() {}

    public static Flux.HelmRepository desired(String url, String fieldManager) {
        return Upstream.object(
                Flux.HelmRepository.class,
                new ObjectMetaBuilder()
                        .withName(NAME)
                        .withNamespace(NAMESPACE)
                        .withLabels(Map.of(Labels.MANAGED_BY, fieldManager))
                        .build(),
                Map.of("url", url, "interval", "10m"));
    }
}
