package dev.hearth.catalog.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.hearth.catalog.definition.BuiltInDefinitions;
import dev.hearth.core.testing.HelmChartRepository;
import dev.hearth.core.testing.TestKubernetes;
import dev.hearth.core.testing.TestPaths;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Serves deploy/charts/apps (and the next version of redis) as a Helm repository on loopback and points apps-catalog at it
 * ({@code hearth.catalog.chart-repository-url}), with the namespace of its HelmRepository in place, as the platform
 * chart would leave it.
 */
public class AppChartsServed implements QuarkusTestResourceLifecycleManager {
    static final String NEXT_REDIS = "0.1.1";
    private HelmChartRepository charts;

    @Override
    public Map<String, String> start() {
        repositoryNamespace(TestKubernetes.shared().client());
        charts = HelmChartRepository.serve(withNextRedis(), 0);
        return Map.of("hearth.catalog.chart-repository-url", charts.url());
    }

    /** The namespace apps-catalog writes its HelmRepository in, which the platform chart creates in production. */
    public static void repositoryNamespace(KubernetesClient client) {
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(BuiltInDefinitions.CHART_REPOSITORY_NAMESPACE)
                        .endMetadata()
                        .build())
                .serverSideApply();
    }

    /** The app charts plus redis {@value #NEXT_REDIS}, the same chart with the next version, for an upgrade. */
    private static Path withNextRedis() {
        try {
            Path dir = Files.createTempDirectory("hearth-app-charts");
            TestPaths.copyTree(HelmChartRepository.appCharts(), dir);
            Path next = dir.resolve("redis-next");
            TestPaths.copyTree(dir.resolve("redis"), next);
            Path chart = next.resolve("Chart.yaml");
            Files.writeString(
                    chart, Files.readString(chart).replaceFirst("(?m)^version: .*$", "version: " + NEXT_REDIS));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (charts != null) {
            charts.close();
        }
    }
}
