package dev.hearth.catalog.instance;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hearth.core.api.tenant.TenantServices;

/** What an app inherits from its tenant: the namespaces running the shared services, and the tenant's host. */
public record TenantContext(TenantServices services, String host) {
    public static final TenantContext NONE = new TenantContext(new TenantServices(), null);

    /** The values chart templates read under {@code _namespace}. */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "etcd", services.etcd);
        put(values, "ingress", services.ingress);
        put(values, "monitoring", services.monitoring);
        put(values, "seaweedfs", services.seaweedfs);
        put(values, "host", host);
        return values;
    }

    private static void put(Map<String, Object> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
