package dev.hearth.kubernetes.cluster;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.hearth.core.operator.AppliedOnStart;
import dev.hearth.core.upstream.Flux;
import dev.hearth.kubernetes.addon.AddonChartRepositoryFor;
import dev.hearth.kubernetes.release.ClusterSettings;
import io.quarkus.runtime.StartupEvent;

/**
 * The Flux HelmRepository every addon release names ({@code hearth.tenant-clusters.addon-chart-source}), written at
 * {@code hearth.tenant-clusters.addon-chart-repository-url} when that is set, so that the addons' source exists
 * wherever the service runs ({@link AddonChartRepositoryFor}). A URL given for a source that is not a HelmRepository
 * refuses the start.
 */
@ApplicationScoped
public class AddonChartRepository {
    private static final Logger LOG = Logger.getLogger(AddonChartRepository.class);

    @Inject
    KubernetesServiceConfig config;

    @Inject
    AppliedOnStart appliedOnStart;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    void onStart(@Observes StartupEvent event) {
        ClusterSettings settings = config.settings();
        config.addonChartRepositoryUrl()
                .ifPresentOrElse(
                        url -> {
                            Flux.HelmRepository repository = AddonChartRepositoryFor.desired(settings, url, service);
                            appliedOnStart.apply(
                                    "the addon charts' HelmRepository " + settings.addonChartSource(),
                                    service,
                                    () -> List.of(repository));
                        },
                        () -> LOG.infof(
                                "hearth.tenant-clusters.addon-chart-repository-url is not set: %s, the addon charts'"
                                        + " source, must be created by whoever installs Hearth",
                                settings.addonChartSource()));
    }
}
