package dev.hearth.bundle.platform;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.hearth.bundle.model.Chart;
import dev.hearth.bundle.validation.ChartSchema;

/**
 * A chart's {@code values.schema.json} with its default values ({@link ChartSchema}), read from the chart's archive
 * once per chart version (a published chart version never changes): from its Helm repository
 * ({@link HelmRepositoryCharts}) or its OCI registry ({@link OciCharts}).
 */
@ApplicationScoped
public class ChartSchemas {
    private static final Logger LOG = Logger.getLogger(ChartSchemas.class);

    private final ChartHttp http = new ChartHttp();
    private final HelmRepositoryCharts helmRepositories = new HelmRepositoryCharts(http);
    private final OciCharts ociRegistries =
            new OciCharts(new RegistryGets(http, new RegistryTokens(http, Clock.systemUTC())));
    private final Map<Chart, Optional<ChartSchema>> read = new ConcurrentHashMap<>();

    /**
     * The chart's schema, empty when it ships none or cannot be read now (then Helm still checks the values at install
     * time, and the next pass tries again).
     */
    public Optional<ChartSchema> of(Chart chart) {
        return of(chart, reason -> LOG.warnf("Values of %s %s not checked: %s", chart.name(), chart.version(), reason));
    }

    /** {@link #of(Chart)}, handing {@code notChecked} why a chart that cannot be read now is not checked. */
    public Optional<ChartSchema> of(Chart chart, Consumer<String> notChecked) {
        Optional<ChartSchema> known = read.get(chart);
        if (known == null) {
            try {
                known = read(chart);
            } catch (RuntimeException e) {
                notChecked.accept(e.getMessage());
                return Optional.empty();
            }
            read.put(chart, known);
        }
        return known;
    }

    /** The chart's schema, empty when it ships none; a failure when the chart cannot be read. */
    Optional<ChartSchema> read(Chart chart) {
        byte[] archive = chart.oci() ? ociRegistries.archive(chart) : helmRepositories.archive(chart);
        return ChartArchive.schemaIn(archive, chart.name());
    }
}
