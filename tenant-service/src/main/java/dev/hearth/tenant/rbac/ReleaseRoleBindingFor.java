package dev.hearth.tenant.rbac;

import dev.hearth.core.tenant.ReleaseServiceAccount;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;

/**
 * Grants the tenant's release ServiceAccount {@link ReleaseClusterRoleFor the release rules} in its own namespace: a
 * RoleBinding, never a ClusterRoleBinding, so the rules hold in this namespace only.
 */
public final class ReleaseRoleBindingFor {
    private ReleaseRoleBindingFor() {}

    public static RoleBinding desired(TenantPlacement placement) {
        return new RoleBindingBuilder()
                .withNewMetadata()
                .withName(ReleaseClusterRoleFor.NAME)
                .withNamespace(placement.namespace())
                .withLabels(placement.objectLabels())
                .endMetadata()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole")
                .withName(ReleaseClusterRoleFor.NAME)
                .endRoleRef()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(ReleaseServiceAccount.NAME)
                .withNamespace(placement.namespace())
                .endSubject()
                .build();
    }
}
