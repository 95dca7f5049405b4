package dev.hearth.tenant.quota;

import java.util.Map;
import java.util.TreeMap;

import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;

/**
 * The ResourceQuota {@value #QUOTA} and LimitRange {@value #LIMIT_RANGE} of a tenant namespace, present only when
 * the Tenant declares {@code spec.resourceQuotas}. cpu and memory bound both requests and limits; storage bounds the
 * requests of volume claims; every other key (pods, services.loadbalancers, ...) passes through.
 */
public final class TenantQuota {
    public static final String QUOTA = "tenant-quota";
    public static final String LIMIT_RANGE = "tenant-range-limits";

    private TenantQuota() {}

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

    public static ResourceQuota resourceQuota(TenantPlacement placement, Map<String, Quantity> declared) {
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

    /** Container defaults, so that pods without resources still fit a quota that bounds requests and limits. */
    public static LimitRange limitRange(TenantPlacement placement) {
        return new LimitRangeBuilder()
                .withNewMetadata()
                .withName(LIMIT_RANGE)
                .withNamespace(placement.namespace())
                .withLabels(placement.objectLabels())
                .endMetadata()
                .withNewSpec()
                .addNewLimit()
                .withType("Container")
                .addToDefault("cpu", new Quantity("250m"))
                .addToDefault("memory", new Quantity("128Mi"))
                .addToDefault("ephemeral-storage", new Quantity("2Gi"))
                .addToDefaultRequest("cpu", new Quantity("25m"))
                .addToDefaultRequest("memory", new Quantity("128Mi"))
                .addToDefaultRequest("ephemeral-storage", new Quantity("50Mi"))
                .endLimit()
                .endSpec()
                .build();
    }
}
