package dev.hearth.kubernetes.addon;

import dev.hearth.core.upstream.ChartRepositoryFor;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.Upstream;
import dev.hearth.kubernetes.release.ClusterSettings;

/**
 * The Flux HelmRepository every addon release names ({@code hearth.tenant-clusters.addon-chart-source}), at the URL
 * the addon charts are served from.
 */
public final class AddonChartRepositoryFor {
    private AddonChartRepositoryFor() {}

    /** The addon releases' source at {@code url}; only a HelmRepository source can be written from a URL. */
    public static Flux.HelmRepository desired(ClusterSettings settings, String url, String service) {
        if (!Upstream.kind(Flux.HelmRepository.class).equals(settings.addonSourceKind())) {
            throw new IllegalStateException("hearth.tenant-clusters.addon-chart-repository-url is set, but"
                    + " hearth.tenant-clusters.addon-chart-source " + settings.addonChartSource()
                    + " is not a HelmRepository: unset the URL, or name a HelmRepository");
        }
        return ChartRepositoryFor.desired(settings.addonSourceNamespace(), settings.addonSourceName(), url, service);
    }
}
