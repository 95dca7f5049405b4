package dev.hearth.tenant.quota;

import java.util.Map;
import java.util.TreeMap;

import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;

/**
 * The ResourceQuota {@value #QUOTA} of a tenant namespace, present only when the Tenant declares
 * {@code spec.resourceQuotas}. cpu and memory bound both requests and limits; storage bounds the
 * requests of volume claims; every other key (pods, services.loadbalancers, ...) passes through.
 */
public final class ResourceQuotaFor {
    public static final String QUOTA = "tenant-quota";

    private ResourceQuotaFor() {}

    /** The ResourceQuota's {@code hard} for a Tenant's {@code spec.resourceQuotas}. */
    public static Map<String, Quantity> hard(Map<String, Quantity> declared) {
        Map<String, Quantity> hard = new TreeMap<>();
        declared.forEach((key, value) -> {
            switch (key) {
                case "cpu", "memory", "ephemeral-storage" -> {
                    hard.put("requests." + key, value);
                    hard.put("limits." + key, value);
                }
                case "storage" -> hard.put("requests.storage", value);
                default -> hard.put(key, value);
            }
        });
        return hard;
    }

    /** The usage a ResourceQuota reports, under the keys the Tenant declares (cpu = requests.cpu, ...). */
    public static Map<String, Quantity> usedAsDeclared(
            Map<String, Quantity> declared, Map<String, Quantity> quotaUsed) {
        Map<String, Quantity> used = new TreeMap<>();
        if (quotaUsed == null) {
            return used;
        }
        for (String key : declared.keySet()) {
            String quotaKey = switch (key) {
                case "cpu", "memory", "ephemeral-storage", "storage" -> "requests." + key;
                default -> key;
            };
            Quantity value = quotaUsed.get(quotaKey);
            if (value != null) {
                used.put(key, value);
            }
        }
        return used;
    }

    public static ResourceQuota desired(TenantPlacement placement, Map<String, Quantity> declared) {
        return new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName(QUOTA)
                .withNamespace(placement.namespace())
                .withLabels(placement.objectLabels())
                .endMetadata()
                .withNewSpec()
                .withHard(hard(declared))
                .endSpec()
                .build();
    }
}
