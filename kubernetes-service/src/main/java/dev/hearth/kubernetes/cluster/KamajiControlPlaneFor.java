package dev.hearth.kubernetes.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hearth.core.api.kubernetes.ComponentResources;
import dev.hearth.core.api.kubernetes.ControlPlane;
import dev.hearth.core.api.kubernetes.ResourcesPreset;
import dev.hearth.core.upstream.ClusterApi;
import dev.hearth.kubernetes.release.ClusterNetwork;
import dev.hearth.kubernetes.release.ClusterRelease;

/**
 * The Kamaji control plane: API server, controller-manager and scheduler run as pods in the tenant namespace, store
 * their state in the tenant's etcd (the Kamaji DataStore named after the namespace that runs it) and are reached
 * through the tenant's ingress with SSL passthrough.
 */
public final class KamajiControlPlaneFor {
    /** Which key of the admin kubeconfig Secret holds the in-cluster kubeconfig. */
    public static final String KUBECONFIG_SECRET_KEY = "kamaji.clastix.io/kubeconfig-secret-key";

    public static final int KONNECTIVITY_PORT = 8132;
    /** The CRD's default of spec.controlPlane.replicas. */
    public static final int DEFAULT_REPLICAS = 2;

    private KamajiControlPlaneFor() {}

    /** Requires the tenant's datastore: the reconciler waits for it before mapping. */
    public static ClusterApi.KamajiControlPlane desired(ClusterRelease release) {
        ControlPlane controlPlane = release.kubernetes().getSpec().controlPlane;
        if (controlPlane == null) {
            // its initializers are the CRD's defaults of the presets
            controlPlane = new ControlPlane();
        }
        String dataStore = release.tenant()
                .etcd()
                .orElseThrow(() -> new IllegalStateException("the tenant of " + release.namespace() + " runs no etcd"));

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("dataStoreName", dataStore);
        spec.put("replicas", controlPlane.replicas == null ? DEFAULT_REPLICAS : controlPlane.replicas);
        spec.put("version", release.version().release());
        spec.put("apiServer", Map.of("resources", resources(controlPlane.apiServer, ResourcesPreset.MEDIUM)));
        spec.put(
                "controllerManager",
                Map.of("resources", resources(controlPlane.controllerManager, ResourcesPreset.MICRO)));
        spec.put("scheduler", Map.of("resources", resources(controlPlane.scheduler, ResourcesPreset.MICRO)));
        spec.put(
                "addons",
                Map.of(
                        "konnectivity",
                        Map.of(
                                "server",
                                Map.of(
                                        "port",
                                        KONNECTIVITY_PORT,
                                        "resources",
                                        resources(controlPlane.konnectivity, ResourcesPreset.MICRO)))));
        spec.put(
                "kubelet", Map.of("cgroupfs", "systemd", "preferredAddressTypes", List.of("InternalIP", "ExternalIP")));
        spec.put("network", network(release));
        return release.object(
                ClusterApi.KamajiControlPlane.class,
                release.name(),
                Map.of(KUBECONFIG_SECRET_KEY, ClusterRelease.IN_CLUSTER_KUBECONFIG_KEY),
                spec);
    }

    private static Map<String, Object> network(ClusterRelease release) {
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("serviceType", "ClusterIP");
        network.put("dnsServiceIPs", List.of(ClusterNetwork.DNS_SERVICE_IP));
        var ingressClass = release.tenant().ingress();
        var host = release.host();
        if (ingressClass.isPresent() && host.isPresent()) {
            Map<String, Object> ingress = new LinkedHashMap<>();
            ingress.put("hostname", host.get() + ":443");
            ingress.put("className", ingressClass.get());
            // the API server terminates TLS itself: the ingress only routes by SNI
            ingress.put("extraAnnotations", Map.of("nginx.ingress.kubernetes.io/ssl-passthrough", "true"));
            network.put("ingress", ingress);
        }
        List<String> certSANs = release.kubernetes().getSpec().certSANs;
        if (certSANs != null && !certSANs.isEmpty()) {
            network.put("certSANs", List.copyOf(certSANs));
        }
        return network;
    }

    /** Requests and limits of one component: explicit resources win over the preset. */
    static Map<String, Object> resources(ComponentResources component, ResourcesPreset fallback) {
        String cpu;
        String memory;
        if (component != null && component.resources != null) {
            cpu = component.resources.cpu.toString();
            memory = component.resources.memory.toString();
        } else {
            ResourcesPreset preset =
                    component == null || component.resourcesPreset == null ? fallback : component.resourcesPreset;
            cpu = preset.cpu();
            memory = preset.memory();
        }
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("requests", Map.of("cpu", cpu, "memory", memory));
        resources.put("limits", Map.of("memory", memory));
        return resources;
    }
}
