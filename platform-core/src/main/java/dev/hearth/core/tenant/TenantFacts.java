package dev.hearth.core.tenant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.hearth.core.Annotations;
import dev.hearth.core.Labels;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.tenant.TenantServices;
import io.fabric8.kubernetes.api.model.Namespace;

/**
 * What a consumer (a cluster, an app, a VM) may know about the tenant whose namespace it lives in: the tenant namespace,
 * the namespaces running the shared services it inherits, and its domain.
 */
public record TenantFacts(String namespace, TenantServices services, String host) {
    /** For an object in a namespace no tenant owns. */
    public static final TenantFacts NONE = new TenantFacts(null, new TenantServices(), null);

    /**
     * From a tenant Namespace, as tenant-service annotates it (which only tenant-service can write); {@link #NONE} for a
     * namespace no tenant owns.
     */
    public static TenantFacts of(Namespace namespace) {
        Map<String, String> labels = namespace.getMetadata().getLabels();
        if (labels == null || !labels.containsKey(Labels.TENANT)) {
            return NONE;
        }
        Map<String, String> annotations = namespace.getMetadata().getAnnotations() == null
                ? Map.of()
                : namespace.getMetadata().getAnnotations();
        return new TenantFacts(
                namespace.getMetadata().getName(),
                new TenantServices(
                        annotations.get(Annotations.TENANT_ETCD),
                        annotations.get(Annotations.TENANT_INGRESS),
                        annotations.get(Annotations.TENANT_MONITORING),
                        annotations.get(Annotations.TENANT_SEAWEEDFS)),
                annotations.get(Annotations.TENANT_HOST));
    }

    /** The facts as tenant-service writes them on the tenant Namespace, read back by {@link #of(Namespace)}; absent ones left out. */
    public Map<String, String> annotations() {
        Map<String, String> annotations = new LinkedHashMap<>();
        etcd().ifPresent(v -> annotations.put(Annotations.TENANT_ETCD, v));
        ingress().ifPresent(v -> annotations.put(Annotations.TENANT_INGRESS, v));
        monitoring().ifPresent(v -> annotations.put(Annotations.TENANT_MONITORING, v));
        seaweedfs().ifPresent(v -> annotations.put(Annotations.TENANT_SEAWEEDFS, v));
        domain().ifPresent(v -> annotations.put(Annotations.TENANT_HOST, v));
        return annotations;
    }

    public static TenantFacts of(Tenant tenant) {
        var status = tenant.getStatus();
        if (status == null) {
            return NONE;
        }
        return new TenantFacts(
                status.namespace, status.services == null ? new TenantServices() : status.services, status.host);
    }

    /** The namespace running the etcd the tenant inherits (its Kamaji DataStore carries that name). */
    public Optional<String> etcd() {
        return present(services.etcd);
    }

    /** The namespace running the ingress the tenant inherits (its IngressClass carries that name). */
    public Optional<String> ingress() {
        return present(services.ingress);
    }

    public Optional<String> monitoring() {
        return present(services.monitoring);
    }

    public Optional<String> seaweedfs() {
        return present(services.seaweedfs);
    }

    public Optional<String> domain() {
        return present(host);
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
