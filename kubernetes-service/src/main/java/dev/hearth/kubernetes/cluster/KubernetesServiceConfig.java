package dev.hearth.kubernetes.cluster;

import java.util.Optional;

import dev.hearth.kubernetes.release.ClusterSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of tenant clusters an operator of the platform may change; see {@link ClusterSettings}. */
@ConfigMapping(prefix = "hearth.tenant-clusters")
public interface KubernetesServiceConfig {
    @WithDefault("docker://quay.io/capk/ubuntu-2404-container-disk")
    String nodeImage();

    @WithDefault("registry.k8s.io/autoscaling/cluster-autoscaler:v1.34.1")
    String autoscalerImage();

    @WithDefault("HelmRepository/hearth-system/hearth-kubernetes-addons")
    String addonChartSource();

    /**
     * Where the addon charts are served: when set, the service writes the {@code addonChartSource} HelmRepository at
     * this URL; when not, whoever installs Hearth must.
     */
    Optional<String> addonChartRepositoryUrl();

    /** Must equal tenant-service's {@code hearth.tenant.group-prefix}: the groups that hold a tenant's levels. */
    Optional<String> groupPrefix();

    default ClusterSettings settings() {
        return new ClusterSettings(
                nodeImage(),
                autoscalerImage(),
                addonChartSource(),
                groupPrefix().orElse(""));
    }
}
