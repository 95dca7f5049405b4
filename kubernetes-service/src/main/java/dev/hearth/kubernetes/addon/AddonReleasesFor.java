package dev.hearth.kubernetes.addon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.core.api.kubernetes.Addon;
import dev.hearth.core.api.kubernetes.Addons;
import dev.hearth.core.api.kubernetes.BuiltInAddon;
import dev.hearth.core.upstream.Flux;
import dev.hearth.kubernetes.release.ClusterNetwork;
import dev.hearth.kubernetes.release.ClusterRelease;
import dev.hearth.kubernetes.release.ClusterSettings;

/**
 * The addons of a cluster as Flux HelmReleases {@code <rel>-<addon>} in the tenant namespace that install their chart
 * <em>into</em> the tenant cluster through its in-cluster admin kubeconfig. CNI, CoreDNS and metrics-server are always
 * installed; the others when enabled. A user's {@code valuesOverride} is merged over the platform's values.
 */
public final class AddonReleasesFor {
    public static final String CILIUM = "cilium";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AddonReleasesFor() {}

    /** One addon: its name (also the chart's), the namespace in the tenant cluster, and the values to install it with. */
    record AddonChart(String name, String targetNamespace, Map<String, Object> values) {}

    /** One HelmRelease per installed addon; a spec without addons installs the three built-in ones only. */
    public static List<Flux.HelmRelease> desired(ClusterRelease release, ClusterSettings settings) {
        Addons addons = release.kubernetes().getSpec().addons == null
                ? new Addons()
                : release.kubernetes().getSpec().addons;
        List<AddonChart> charts = new ArrayList<>();
        charts.add(new AddonChart(CILIUM, "kube-system", merge(ciliumValues(release), overrides(addons.cilium))));
        charts.add(new AddonChart("coredns", "kube-system", merge(corednsValues(), overrides(addons.coredns))));
        charts.add(new AddonChart("metrics-server", "kube-system", overrides(addons.metricsServer)));
        // cert-manager's chart installs no CRDs unless asked, and without them cert-manager cannot start
        optional(charts, "cert-manager", "cert-manager", Map.of("crds", Map.of("enabled", true)), addons.certManager);
        optional(charts, "ingress-nginx", "ingress-nginx", Map.of(), addons.ingressNginx);
        optional(charts, "monitoring-agents", "hearth-monitoring", Map.of(), addons.monitoringAgents);
        optional(charts, "gpu-operator", "gpu-operator", Map.of(), addons.gpuOperator);
        optional(charts, "velero", "velero", Map.of(), addons.velero);
        return charts.stream()
                .map(chart -> helmRelease(release, settings, chart))
                .toList();
    }

    private static void optional(
            List<AddonChart> charts, String name, String namespace, Map<String, Object> defaults, Addon addon) {
        if (addon != null && Boolean.TRUE.equals(addon.enabled)) {
            charts.add(new AddonChart(name, namespace, merge(defaults, toMap(addon.valuesOverride))));
        }
    }

    private static Flux.HelmRelease helmRelease(ClusterRelease release, ClusterSettings settings, AddonChart chart) {
        Map<String, Object> chartSpec = new LinkedHashMap<>();
        chartSpec.put("chart", chart.name());
        chartSpec.put(
                "sourceRef",
                Map.of(
                        "kind",
                        settings.addonSourceKind(),
                        "name",
                        settings.addonSourceName(),
                        "namespace",
                        settings.addonSourceNamespace()));

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("interval", "5m");
        spec.put("releaseName", chart.name());
        spec.put("targetNamespace", chart.targetNamespace());
        spec.put("storageNamespace", chart.targetNamespace());
        spec.put("chart", Map.of("spec", chartSpec));
        spec.put(
                "kubeConfig",
                Map.of(
                        "secretRef",
                        Map.of(
                                "name",
                                release.adminKubeconfigSecret(),
                                "key",
                                ClusterRelease.IN_CLUSTER_KUBECONFIG_KEY)));
        // the tenant cluster comes up over minutes: keep retrying instead of rolling back or uninstalling
        spec.put("install", Map.of("createNamespace", true, "strategy", Map.of("name", "RetryOnFailure")));
        spec.put("upgrade", Map.of("strategy", Map.of("name", "RetryOnFailure")));
        if (!CILIUM.equals(chart.name())) {
            // without a CNI no pod of any other addon can start
            spec.put("dependsOn", List.of(Map.of("name", release.name() + "-" + CILIUM)));
        }
        if (!chart.values().isEmpty()) {
            spec.put("values", chart.values());
        }
        return release.object(Flux.HelmRelease.class, release.name() + "-" + chart.name(), Map.of(), spec);
    }

    private static Map<String, Object> ciliumValues(ClusterRelease release) {
        Map<String, Object> values = new LinkedHashMap<>();
        // nodes reach the API server through its Service in the management cluster, not through kube-proxy
        values.put("kubeProxyReplacement", true);
        values.put("k8sServiceHost", release.name() + "." + release.namespace() + ".svc");
        values.put("k8sServicePort", 6443);
        values.put("routingMode", "tunnel");
        values.put("tunnelProtocol", "vxlan");
        // KubeVirt's pod network adds its own encapsulation
        values.put("MTU", 1350);
        values.put("ipam", Map.of("operator", Map.of("clusterPoolIPv4PodCIDRList", List.of(ClusterNetwork.POD_CIDR))));
        return values;
    }

    private static Map<String, Object> corednsValues() {
        return Map.of("service", Map.of("clusterIP", ClusterNetwork.DNS_SERVICE_IP));
    }

    private static Map<String, Object> overrides(BuiltInAddon addon) {
        return addon == null ? Map.of() : toMap(addon.valuesOverride);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode values) {
        if (values == null || !values.isObject()) {
            return new LinkedHashMap<>();
        }
        return MAPPER.convertValue(values, LinkedHashMap.class);
    }

    /** Deep merge: maps merge key by key, anything else in {@code override} replaces the base value. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object current = merged.get(key);
            if (current instanceof Map<?, ?> currentMap && value instanceof Map<?, ?> valueMap) {
                merged.put(key, merge((Map<String, Object>) currentMap, (Map<String, Object>) valueMap));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
