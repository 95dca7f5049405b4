package dev.hearth.kubernetes.cluster;

import java.util.Optional;

import dev.hearth.core.api.tenant.Tenant;

/**
 * What a cluster needs from the Tenant that owns its namespace: the namespace running etcd (its Kamaji DataStore
 * carries that name), the namespace running the ingress (its IngressClass carries that name) and the tenant's domain.
 */
public record TenantFacts(String etcd, String ingress, String host) {

    public static TenantFacts of(Tenant tenant) {
        var status = tenant.getStatus();
        if (status == null) {
            return new TenantFacts(null, null, null);
        }
        var services = status.services;
        return new TenantFacts(
                services == null ? null : services.etcd, services == null ? null : services.ingress, status.host);
    }

    public Optional<String> dataStore() {
        return Optional.ofNullable(etcd).filter(s -> !s.isBlank());
    }

    public Optional<String> ingressClass() {
        return Optional.ofNullable(ingress).filter(s -> !s.isBlank());
    }
}
