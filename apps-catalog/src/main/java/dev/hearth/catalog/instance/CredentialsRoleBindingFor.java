package dev.hearth.catalog.instance;

import dev.hearth.core.kube.ChildMetadata;
import dev.hearth.core.tenant.AccessLevel;
import dev.hearth.core.tenant.TenantSubjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;

/**
 * The RoleBinding granting an app's {@link CredentialsRoleFor credentials Role} to whoever holds the {@code use} level
 * in the app's tenant namespace: exactly the subjects of tenant-service's {@code hearth:tenant:use} binding there
 * ({@link TenantSubjects#atOrAbove}), so an ancestor's admins read it too and a sibling's users do not.
 */
public final class CredentialsRoleBindingFor {
    private CredentialsRoleBindingFor() {}

    /**
     * Only for an instance that has a credentials Role ({@link CredentialsRoleFor#desired} present), which is in a
     * tenant namespace.
     *
     * @param groupPrefix the prefix of the tenant groups, as tenant-service binds them ({@code hearth.tenant.group-prefix})
     */
    public static RoleBinding desired(GenericKubernetesResource instance, String groupPrefix, String fieldManager) {
        String name = CredentialsRoleFor.name(instance);
        return new RoleBindingBuilder()
                .withMetadata(ChildMetadata.of(instance, name, fieldManager))
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role")
                .withName(name)
                .endRoleRef()
                .withSubjects(
                        TenantSubjects.atOrAbove(instance.getMetadata().getNamespace(), AccessLevel.USE, groupPrefix))
                .build();
    }
}
