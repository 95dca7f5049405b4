package dev.hearth.core.tenant;

import java.util.ArrayList;
import java.util.List;

import dev.hearth.core.naming.TenantNamespaceName;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;

/**
 * Who holds an access level in a tenant namespace: the groups {@code <prefix><ns>-<level>} for that level and every
 * level above it, of the tenant and of every ancestor (an ancestor's admins administer its descendants), plus the
 * ServiceAccount {@code <ns>} of the tenant and of every ancestor. Every RoleBinding that grants a level's users
 * something (tenant-service's level bindings, an app's credentials, a cluster's kubeconfig) names exactly these.
 */
public final class TenantSubjects {
    private TenantSubjects() {}

    /** The subjects holding {@code level} in {@code tenantNamespace}, from tenant-root down. */
    public static List<Subject> atOrAbove(String tenantNamespace, AccessLevel level, String groupPrefix) {
        List<Subject> subjects = new ArrayList<>();
        for (String lineageNamespace : TenantNamespaceName.path(tenantNamespace)) {
            for (AccessLevel member : level.andAbove()) {
                subjects.add(new SubjectBuilder()
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withKind("Group")
                        .withName(groupName(groupPrefix, lineageNamespace, member))
                        .build());
            }
            subjects.add(new SubjectBuilder()
                    .withKind("ServiceAccount")
                    .withName(lineageNamespace)
                    .withNamespace(lineageNamespace)
                    .build());
        }
        return subjects;
    }

    /** {@code <prefix><tenant namespace>-<level>}, e.g. {@code oidc:tenant-foo-admin}. */
    public static String groupName(String groupPrefix, String tenantNamespace, AccessLevel level) {
        return groupPrefix + tenantNamespace + "-" + level.id();
    }
}
