package dev.hearth.core.testing;

import java.util.ArrayList;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.tenant.TenantServices;
import dev.hearth.core.api.tenant.TenantStatus;
import dev.hearth.core.naming.TenantNamespaceName;

/** A Tenant as tenant-service leaves it once admitted, for tests of services that read Tenants. */
public final class TenantWithStatus {
    private final Tenant tenant = new Tenant();

    private TenantWithStatus(String parentNamespace, String name) {
        tenant.getMetadata().setName(name);
        tenant.getMetadata().setNamespace(parentNamespace);
        TenantStatus status = new TenantStatus();
        status.namespace = TenantNamespaceName.of(parentNamespace, name);
        status.path = new ArrayList<>(TenantNamespaceName.path(status.namespace));
        status.services = new TenantServices();
        tenant.setStatus(status);
    }

    /** Tenant {@code name} in {@code parentNamespace}, owning the namespace the naming rule gives it. */
    public static TenantWithStatus named(String parentNamespace, String name) {
        return new TenantWithStatus(parentNamespace, name);
    }

    public TenantWithStatus host(String host) {
        tenant.getStatus().host = host;
        return this;
    }

    /** The namespaces running the etcd, ingress, monitoring and SeaweedFS it inherits (null: none). */
    public TenantWithStatus services(String etcd, String ingress, String monitoring, String seaweedfs) {
        tenant.getStatus().services = new TenantServices(etcd, ingress, monitoring, seaweedfs);
        return this;
    }

    public Tenant build() {
        return tenant;
    }
}
