package dev.hearth.kubernetes.access;

import java.util.Map;

import dev.hearth.kubernetes.release.ClusterRelease;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;

/**
 * Reading the tenant cluster's admin kubeconfig, the Secret Kamaji writes for its control plane, and nothing else: get
 * by name, no list (which would show every Secret of the namespace).
 */
public final class AdminKubeconfigReaderRoleFor {
    private AdminKubeconfigReaderRoleFor() {}

    /** {@code kubernetes-<name>-admin-kubeconfig-reader}, for the Role and its RoleBinding. */
    public static String name(ClusterRelease release) {
        return release.adminKubeconfigSecret() + "-reader";
    }

    public static Role desired(ClusterRelease release) {
        return new RoleBuilder()
                .withMetadata(release.metadata(name(release), Map.of()))
                .addNewRule()
                .withApiGroups("")
                .withResources("secrets")
                .withResourceNames(release.adminKubeconfigSecret())
                .withVerbs("get")
                .endRule()
                .build();
    }
}
