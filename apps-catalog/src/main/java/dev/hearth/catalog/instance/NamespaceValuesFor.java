package dev.hearth.catalog.instance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.hearth.core.tenant.TenantFacts;

/** What an app inherits from its tenant, as the values chart templates read under {@code _namespace}. */
final class NamespaceValuesFor {
    private NamespaceValuesFor() {}

    static Map<String, Object> tenant(TenantFacts tenant) {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "etcd", tenant.etcd());
        put(values, "ingress", tenant.ingress());
        put(values, "monitoring", tenant.monitoring());
        put(values, "seaweedfs", tenant.seaweedfs());
        put(values, "host", tenant.domain());
        return values;
    }

    private static void put(Map<String, Object> values, String key, Optional<String> value) {
        value.ifPresent(v -> values.put(key, v));
    }
}
