package dev.hearth.bundle.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.BundleDocuments;
import dev.hearth.bundle.model.Chart;
import dev.hearth.bundle.model.Component;
import dev.hearth.core.testing.HelmChartRepository;
import dev.hearth.core.testing.PlatformChart;

/**
 * Bundle {@code services-test}: the shipped bundle's {@code hearth} component as it is written there (namespace,
 * values, readiness), its chart — the platform chart of this checkout — served from a Helm repository on loopback
 * instead of the registry, and without its dependency on cert-manager, an upstream chart from the internet. Started
 * with {@link FluxBundleResource}, which owns the bundle directory.
 */
final class ServicesChartBundle implements AutoCloseable {
    static final String NAME = "services-test";
    static final String COMPONENT = "hearth";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final HelmChartRepository charts;

    private ServicesChartBundle(HelmChartRepository charts) {
        this.charts = charts;
    }

    /** The repository serving the chart, for the caller to close. */
    static ServicesChartBundle serve(Path bundleDirectory) {
        HelmChartRepository charts =
                HelmChartRepository.serve(PlatformChart.chart().getParent(), 0);
        try {
            Component shipped =
                    BundleDocuments.shipped("hearth").component(COMPONENT).orElseThrow();
            Component fromLoopback = new Component(
                    shipped.name(),
                    shipped.layer(),
                    new Chart(
                            charts.url(),
                            shipped.chart().name(),
                            shipped.chart().version()),
                    shipped.namespace(),
                    shipped.values(),
                    List.of(),
                    shipped.optional(),
                    shipped.privileged(),
                    shipped.ownsData(),
                    shipped.readiness(),
                    List.of(),
                    shipped.migration(),
                    shipped.serviceAccountName());
            Bundle bundle = new Bundle(NAME, "1.0.0", List.of("generic"), null, List.of(fromLoopback));
            Files.writeString(bundleDirectory.resolve(NAME + "-1.0.0.yaml"), YAML.writeValueAsString(bundle));
            return new ServicesChartBundle(charts);
        } catch (IOException e) {
            charts.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            charts.close();
            throw e;
        }
    }

    @Override
    public void close() {
        charts.close();
    }
}
