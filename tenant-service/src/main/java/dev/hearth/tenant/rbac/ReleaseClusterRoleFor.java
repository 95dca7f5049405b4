package dev.hearth.tenant.rbac;

import java.util.Map;

import dev.hearth.core.Labels;
import dev.hearth.core.tenant.ReleaseServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;

/**
 * The ClusterRole {@code hearth:tenant-releases}: what a tenant's Helm releases may do, bound in each tenant namespace
 * only ({@link ReleaseRoleBindingFor}), so a release cannot touch another namespace or anything cluster-scoped.
 *
 * <p>Its rules are {@link ReleaseServiceAccount#rules()}, shared with the tests of apps-catalog, which install releases
 * under the same account.
 */
public final class ReleaseClusterRoleFor {
    public static final String NAME = ReleaseServiceAccount.ROLE;

    private ReleaseClusterRoleFor() {}

    public static ClusterRole desired(String serviceName) {
        return new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(NAME)
                .withLabels(Map.of(Labels.MANAGED_BY, Labels.managedBy(serviceName)))
                .endMetadata()
                .withRules(ReleaseServiceAccount.rules())
                .build();
    }
}
