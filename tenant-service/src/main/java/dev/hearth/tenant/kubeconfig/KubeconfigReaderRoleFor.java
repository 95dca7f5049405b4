package dev.hearth.tenant.kubeconfig;

import dev.hearth.tenant.lineage.TenantPlacement;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;

/** Reading the tenant kubeconfig Secret and nothing else: get by name (no list, which would show every Secret). */
public final class KubeconfigReaderRoleFor {
    public static final String NAME = "hearth:tenant-kubeconfig";

    private KubeconfigReaderRoleFor() {}

    public static Role desired(TenantPlacement placement) {
        return new RoleBuilder()
                .withNewMetadata()
                .withName(NAME)
                .withNamespace(placement.namespace())
                .withLabels(placement.objectLabels())
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("secrets")
                .withResourceNames(TenantKubeconfigFor.SECRET)
                .withVerbs("get")
                .endRule()
                .build();
    }
}
