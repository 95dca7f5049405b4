package dev.hearth.catalog.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.operator.AppliedOnStart;
import dev.hearth.core.upstream.ChartRepositoryFor;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.runtime.StartupEvent;

/**
 * Applies the ApplicationDefinitions the catalog ships ({@code src/main/resources/catalog}) on start, so that an
 * upgrade of apps-catalog upgrades them, and the HelmRepository {@value #CHART_REPOSITORY_NAMESPACE}/{@value
 * #CHART_REPOSITORY} their charts come from when {@code hearth.catalog.chart-repository-url} is set
 * ({@link AppliedOnStart}: once leading, retried while the API server refuses them).
 */
@ApplicationScoped
public class BuiltInDefinitions {
    private static final Logger LOG = Logger.getLogger(BuiltInDefinitions.class);
    static final List<String> FILES = List.of(
            // managed applications
            "postgres",
            "mariadb",
            "redis",
            "nats",
            "kafka",
            "rabbitmq",
            "clickhouse",
            "httpcache",
            "tcpbalancer",
            // tenant modules
            "etcd",
            "ingress",
            "monitoring",
            "seaweedfs",
            // kinds a dedicated service reconciles
            "tenant",
            "kubernetes",
            "vmdisk",
            "vminstance");

    /**
     * The shipped definitions are the catalog's content, applied as a user would apply them, under a field manager of
     * their own: under the service's, the Operator SDK's apply of the reconciler's finalizer (which holds the
     * finalizer alone) would take back every field of the definition, and the API server would refuse the result.
     */
    static final String INSTALLER = "apps-catalog-definitions";

    /** The Flux HelmRepository every built-in definition's chart comes from: Hearth's app charts. */
    public static final String CHART_REPOSITORY = "hearth-apps";

    public static final String CHART_REPOSITORY_NAMESPACE = "hearth-system";

    @Inject
    KubernetesClient client;

    @Inject
    AppliedOnStart appliedOnStart;

    @ConfigProperty(name = "hearth.catalog.install-definitions", defaultValue = "true")
    boolean install;

    @ConfigProperty(name = "hearth.catalog.chart-repository-url")
    Optional<String> chartRepositoryUrl;

    void onStart(@Observes StartupEvent event) {
        if (!install) {
            return;
        }
        appliedOnStart.apply(
                "the built-in ApplicationDefinitions", INSTALLER, () -> load(client.getKubernetesSerialization()));
        chartRepositoryUrl.ifPresentOrElse(
                url -> appliedOnStart.apply(
                        "the app charts' HelmRepository",
                        INSTALLER,
                        () -> List.of(ChartRepositoryFor.desired(
                                CHART_REPOSITORY_NAMESPACE, CHART_REPOSITORY, url, INSTALLER))),
                () -> LOG.infof(
                        "hearth.catalog.chart-repository-url is not set: HelmRepository %s/%s, the charts' source,"
                                + " must be created by whoever installs Hearth",
                        CHART_REPOSITORY_NAMESPACE, CHART_REPOSITORY));
    }

    public static List<ApplicationDefinition> load(KubernetesSerialization serialization) {
        return FILES.stream()
                .map(name -> {
                    try (InputStream in = BuiltInDefinitions.class.getResourceAsStream("/catalog/" + name + ".yaml")) {
                        if (in == null) {
                            throw new IllegalStateException("catalog/" + name + ".yaml is missing");
                        }
                        ApplicationDefinition definition = serialization.unmarshal(in, ApplicationDefinition.class);
                        if (definition.getSpec().application.openAPISchema == null) {
                            definition.getSpec().application.openAPISchema =
                                    chartSchema(definition.getSpec().release.chart.name);
                        }
                        return definition;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    /** A charted app's schema is its chart's values.schema.json (copied into the jar by the build). */
    private static String chartSchema(String chart) {
        try (InputStream in =
                BuiltInDefinitions.class.getResourceAsStream("/catalog/charts/" + chart + "/values.schema.json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "catalog/" + chart + ".yaml has no openAPISchema and deploy/charts/apps/" + chart
                                + "/values.schema.json is missing");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
