package dev.hearth.tenant.rbac;

import java.util.ArrayList;
import java.util.List;

import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.core.tenant.TenantSubjects;
import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;

/**
 * One RoleBinding per access level in a tenant namespace, binding the level's ClusterRole to
 * {@link TenantSubjects#atOrAbove the level's holders}.
 */
public final class RoleBindingsFor {
    private RoleBindingsFor() {}

    public static List<RoleBinding> desired(TenantPlacement placement, String groupPrefix) {
        List<RoleBinding> bindings = new ArrayList<>();
        for (AccessLevel level : AccessLevel.values()) {
            bindings.add(new RoleBindingBuilder()
                    .withNewMetadata()
                    .withName(level.clusterRoleName())
                    .withNamespace(placement.namespace())
                    .withLabels(placement.objectLabels())
                    .endMetadata()
                    .withNewRoleRef()
                    .withApiGroup("rbac.authorization.k8s.io")
                    .withKind("ClusterRole")
                    .withName(level.clusterRoleName())
                    .endRoleRef()
                    .withSubjects(TenantSubjects.atOrAbove(placement.namespace(), level, groupPrefix))
                    .build());
        }
        return bindings;
    }
}
