package dev.hearth.kubernetes.access;

import java.util.Map;

import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.core.tenant.TenantSubjects;
import dev.hearth.kubernetes.release.ClusterRelease;
import dev.hearth.kubernetes.release.ClusterSettings;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;

/**
 * Grants {@link AdminKubeconfigReaderRoleFor} to the admins of the cluster's tenant: its admin and super-admin levels
 * and those of its ancestors, as tenant-service binds them. The lineage comes from the tenant Namespace, which only
 * tenant-service writes.
 */
public final class AdminKubeconfigReaderBindingFor {
    private AdminKubeconfigReaderBindingFor() {}

    public static RoleBinding desired(ClusterRelease release, ClusterSettings settings) {
        String name = AdminKubeconfigReaderRoleFor.name(release);
        return new RoleBindingBuilder()
                .withMetadata(release.metadata(name, Map.of()))
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role")
                .withName(name)
                .endRoleRef()
                .withSubjects(TenantSubjects.atOrAbove(
                        release.tenant().namespace(), AccessLevel.ADMIN, settings.groupPrefix()))
                .build();
    }
}
