package dev.hearth.kubernetes.cluster;

import java.util.Map;

import dev.hearth.core.testing.HelmChartRepository;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Serves the addon charts (Hearth's own and the upstream ones {@code scripts/addon-charts.sh} materialises) as a Helm
 * repository on loopback and points kubernetes-service at it ({@code hearth.tenant-clusters.addon-chart-repository-url}),
 * as the platform chart does: the service then writes the HelmRepository its addon releases name.
 */
public class AddonChartsServed implements QuarkusTestResourceLifecycleManager {
    private HelmChartRepository charts;

    @Override
    public Map<String, String> start() {
        charts = HelmChartRepository.serveAddonCharts();
        return Map.of("hearth.tenant-clusters.addon-chart-repository-url", charts.url());
    }

    @Override
    public void stop() {
        if (charts != null) {
            charts.close();
        }
    }
}
