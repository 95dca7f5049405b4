package dev.hearth.tenant.quota;

import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * The LimitRange {@value #LIMIT_RANGE} that sits beside a tenant's ResourceQuota: container defaults, so that pods
 * without resources still fit a quota that bounds requests and limits.
 */
public final class LimitRangeFor {
    public static final String LIMIT_RANGE = "tenant-range-limits";

    private LimitRangeFor() {}

    public static LimitRange desired(TenantPlacement placement) {
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
