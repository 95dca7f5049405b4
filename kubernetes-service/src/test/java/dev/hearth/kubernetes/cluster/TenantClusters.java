package dev.hearth.kubernetes.cluster;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.hearth.core.Labels;
import dev.hearth.core.api.kubernetes.Kubernetes;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.core.tenant.TenantFacts;
import dev.hearth.core.testing.TenantWithStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Tenant-shaped namespaces for API-server tests. No tenant-service runs here, so each test writes the Tenant's status
 * by hand, as tenant-service would: its namespace, host and the namespaces of the inherited etcd and ingress.
 */
final class TenantClusters {
    static final String UPSTREAM_CRDS =
            "cluster.x-k8s.io,controlplane.cluster.x-k8s.io,infrastructure.cluster.x-k8s.io,"
                    + "bootstrap.cluster.x-k8s.io,helm.toolkit.fluxcd.io,kamaji.clastix.io";

    private final KubernetesClient client;

    TenantClusters(KubernetesClient client) {
        this.client = client;
    }

    /** A new Tenant in tenant-root with its namespace; etcd and ingress are the root's when {@code withEtcd}. */
    Tenant newTenant(boolean withEtcd) {
        ensureNamespace(TenantNamespaceName.ROOT);
        String name = "kt"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        var tenant = client.resource(admitted(name, null)).create();
        ensureNamespace(TenantNamespaceName.of(TenantNamespaceName.ROOT, name));
        return setServices(tenant, withEtcd ? TenantNamespaceName.ROOT : null);
    }

    /** Writes the status tenant-service would: the tenant's namespace, host, the root's ingress and {@code etcd}. */
    Tenant setServices(Tenant tenant, String etcd) {
        tenant.setStatus(admitted(tenant.getMetadata().getName(), etcd).getStatus());
        annotate(tenant.getStatus().namespace, TenantFacts.of(tenant));
        return client.resource(tenant).updateStatus();
    }

    /** Writes the tenant Namespace's facts as tenant-service would: consumers read these, not the Tenant status. */
    void annotate(String namespace, TenantFacts facts) {
        client.namespaces().withName(namespace).edit(ns -> {
            ns.getMetadata().getLabels().put(Labels.TENANT, namespace);
            ns.getMetadata().setAnnotations(facts.annotations());
            return ns;
        });
    }

    private static Tenant admitted(String name, String etcd) {
        return TenantWithStatus.named(TenantNamespaceName.ROOT, name)
                .host(name + ".example.org")
                .services(etcd, TenantNamespaceName.ROOT, null, null)
                .build();
    }

    Kubernetes create(String namespace, String yaml) {
        Kubernetes kubernetes = client.getKubernetesSerialization().unmarshal(yaml, Kubernetes.class);
        kubernetes.getMetadata().setNamespace(namespace);
        return client.resource(kubernetes).create();
    }

    Kubernetes get(String namespace, String name) {
        return client.resources(Kubernetes.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    <T extends HasMetadata> T get(String namespace, Class<T> kind, String name) {
        return client.resources(kind).inNamespace(namespace).withName(name).get();
    }

    java.util.List<String> names(String namespace, Class<? extends HasMetadata> kind) {
        return client.resources(kind).inNamespace(namespace).list().getItems().stream()
                .map(r -> r.getMetadata().getName())
                .sorted()
                .toList();
    }

    static String readyReason(Kubernetes kubernetes) {
        if (kubernetes == null || kubernetes.getStatus() == null) {
            return null;
        }
        return kubernetes.getStatus().conditions.stream()
                .filter(c -> "Ready".equals(c.getType()))
                .map(c -> c.getReason())
                .findFirst()
                .orElse(null);
    }

    static String readyMessage(Kubernetes kubernetes) {
        return kubernetes.getStatus().conditions.stream()
                .filter(c -> "Ready".equals(c.getType()))
                .map(c -> c.getMessage())
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    static Object at(Object value, String... path) {
        Object current = value instanceof GenericKubernetesResource r ? r.getAdditionalProperties() : value;
        for (String key : path) {
            current = current instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
        }
        return current;
    }

    private void ensureNamespace(String name) {
        try {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .endMetadata()
                            .build())
                    .create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }
}
