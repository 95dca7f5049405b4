package dev.hearth.tenant.rbac;

import java.util.ArrayList;
import java.util.List;

import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;

/**
 * One RoleBinding per access level in a tenant namespace. The subjects of level L are the groups
 * {@code <prefix><ns>-<level>} for every level at or above L, of the tenant and of every ancestor (an ancestor's
 * admins administer its descendants), plus the ServiceAccount {@code <ns>} of the tenant and of every ancestor.
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
                    .withSubjects(subjects(placement, level, groupPrefix))
                    .build());
        }
        return bindings;
    }

    static List<Subject> subjects(TenantPlacement placement, AccessLevel level, String groupPrefix) {
        List<Subject> subjects = new ArrayList<>();
        for (String tenantNamespace : placement.path()) {
            for (AccessLevel member : level.andAbove()) {
                subjects.add(new SubjectBuilder()
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withKind("Group")
                        .withName(groupName(groupPrefix, tenantNamespace, member))
                        .build());
            }
            subjects.add(new SubjectBuilder()
                    .withKind("ServiceAccount")
                    .withName(tenantNamespace)
                    .withNamespace(tenantNamespace)
                    .build());
        }
        return subjects;
    }

    /** {@code <prefix><tenant namespace>-<level>}, e.g. {@code oidc:tenant-foo-admin}. */
    public static String groupName(String groupPrefix, String tenantNamespace, AccessLevel level) {
        return groupPrefix + tenantNamespace + "-" + level.id();
    }
}
