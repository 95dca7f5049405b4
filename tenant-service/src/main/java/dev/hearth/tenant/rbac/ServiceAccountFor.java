package dev.hearth.tenant.rbac;

import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/** The tenant's own ServiceAccount, named after its namespace; the RoleBindings of its descendants name it too. */
public final class ServiceAccountFor {
    private ServiceAccountFor() {}

    public static ServiceAccount desired(TenantPlacement placement) {
        return new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(placement.namespace())
                .withNamespace(placement.namespace())
                .withLabels(placement.objectLabels())
                .endMetadata()
                .build();
    }
}
