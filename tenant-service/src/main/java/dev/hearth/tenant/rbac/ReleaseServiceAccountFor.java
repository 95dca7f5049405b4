package dev.hearth.tenant.rbac;

import dev.hearth.core.tenant.ReleaseServiceAccount;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/**
 * The ServiceAccount {@code hearth-releases} of a tenant namespace, which helm-controller impersonates for every
 * release there. Only impersonated: no pod needs its token, so none is mounted unless a pod asks for it.
 */
public final class ReleaseServiceAccountFor {
    private ReleaseServiceAccountFor() {}

    public static ServiceAccount desired(TenantPlacement placement) {
        return new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(ReleaseServiceAccount.NAME)
                .withNamespace(placement.namespace())
                .withLabels(placement.objectLabels())
                .endMetadata()
                .withAutomountServiceAccountToken(false)
                .build();
    }
}
