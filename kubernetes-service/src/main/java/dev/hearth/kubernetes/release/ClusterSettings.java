package dev.hearth.kubernetes.release;

import java.util.List;

/**
 * Platform-wide settings of tenant clusters (configured on the service, not by tenants).
 *
 * @param nodeImage           container-disk image (CDI registry URL without tag) of kubeadm-ready worker nodes; the tag is
 *                            the Kubernetes release, e.g. {@code v1.35.6}
 * @param autoscalerImage     cluster-autoscaler image
 * @param addonChartSource    Flux source of the addon charts: {@code <kind>/<namespace>/<name>}, e.g.
 *                            {@code HelmRepository/hearth-system/hearth-kubernetes-addons}
 * @param groupPrefix         prefix of the tenant groups in RoleBindings, the same as tenant-service's (e.g.
 *                            {@code oidc:}), so that the admin kubeconfig goes to the groups the tenant's levels name
 */
public record ClusterSettings(String nodeImage, String autoscalerImage, String addonChartSource, String groupPrefix) {
    /** The kinds a HelmRelease's {@code chart.spec.sourceRef} may name (Flux's CRD). */
    private static final List<String> CHART_SOURCE_KINDS = List.of("HelmRepository", "GitRepository", "Bucket");

    public ClusterSettings {
        String[] parts = addonChartSource.split("/", -1);
        if (parts.length != 3 || !CHART_SOURCE_KINDS.contains(parts[0]) || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("hearth.tenant-clusters.addon-chart-source must be"
                    + " <kind>/<namespace>/<name> with kind one of " + CHART_SOURCE_KINDS + ", not '"
                    + addonChartSource + "'");
        }
    }

    public String addonSourceKind() {
        return addonChartSource.split("/", 3)[0];
    }

    public String addonSourceNamespace() {
        return addonChartSource.split("/", 3)[1];
    }

    public String addonSourceName() {
        return addonChartSource.split("/", 3)[2];
    }
}
