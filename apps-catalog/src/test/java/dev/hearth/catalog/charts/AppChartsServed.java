package dev.hearth.catalog.charts;

import java.util.Map;

import dev.hearth.catalog.definition.ChartRepositoryFor;
import dev.hearth.core.testing.HelmChartRepository;
import dev.hearth.core.testing.TestKubernetes;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Serves deploy/charts/apps as a Helm repository on loopback and points apps-catalog at it
 * ({@code hearth.catalog.chart-repository-url}), with the namespace of its HelmRepository in place, as the platform
 * chart would leave it.
 */
public class AppChartsServed implements QuarkusTestResourceLifecycleManager {
    private HelmChartRepository charts;

    @Override
    public Map<String, String> start() {
        TestKubernetes.shared()
                .client()
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(ChartRepositoryFor.NAMESPACE)
                        .endMetadata()
                        .build())
                .serverSideApply();
        charts = HelmChartRepository.serveAppCharts();
        return Map.of("hearth.catalog.chart-repository-url", charts.url());
    }

    @Override
    public void stop() {
        if (charts != null) {
            charts.close();
        }
    }
}
