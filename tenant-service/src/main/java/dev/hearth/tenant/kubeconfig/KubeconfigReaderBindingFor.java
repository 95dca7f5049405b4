package dev.hearth.tenant.kubeconfig;

import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.core.tenant.TenantSubjects;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;

/** Grants {@link KubeconfigReaderRoleFor} to whoever may view the tenant: its view level and above, and its ancestors'. */
public final class KubeconfigReaderBindingFor {
    private KubeconfigReaderBindingFor() {}

    public static RoleBinding desired(TenantPlacement placement, String groupPrefix) {
        return new RoleBindingBuilder()
                .withNewMetadata()
                .withName(KubeconfigReaderRoleFor.NAME)
                .withNamespace(placement.namespace())
                .withLabels(placement.objectLabels())
                .endMetadata()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role")
                .withName(KubeconfigReaderRoleFor.NAME)
                .endRoleRef()
                .withSubjects(TenantSubjects.atOrAbove(placement.namespace(), AccessLevel.VIEW, groupPrefix))
                .build();
    }
}
