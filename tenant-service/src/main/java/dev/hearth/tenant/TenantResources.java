package dev.hearth.tenant;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.hearth.tenant.lineage.DeletionProtection;
import dev.hearth.tenant.lineage.TenantNamespace;
import dev.hearth.tenant.lineage.TenantPlacement;
import dev.hearth.tenant.network.TenantNetworkPolicies;
import dev.hearth.tenant.quota.TenantQuota;
import dev.hearth.tenant.rbac.TenantClusterRoles;
import dev.hearth.tenant.rbac.TenantRoleBindings;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Applies what a tenant namespace holds, from the pure mappings of each feature package. */
@ApplicationScoped
public class TenantResources {

    @Inject
    KubernetesClient client;

    @Inject
    TenantConfig config;

    /** What every tenant relies on cluster-wide: the tenant roles and the deletion protection of tenant-root. */
    public void applyClusterWide() {
        TenantClusterRoles.desired(TenantPlacement.SERVICE_NAME).forEach(role -> ServerSideApply.apply(client, role));
        ServerSideApply.apply(client, DeletionProtection.policy(TenantPlacement.SERVICE_NAME));
        ServerSideApply.apply(client, DeletionProtection.binding(TenantPlacement.SERVICE_NAME));
    }

    /** The namespace and everything in it; {@code quota} empty means no quota objects. */
    public void apply(TenantPlacement placement, Map<String, Quantity> quota) {
        ServerSideApply.apply(client, TenantNamespace.desired(placement));
        ServerSideApply.apply(client, TenantRoleBindings.serviceAccount(placement));
        TenantRoleBindings.desired(placement, config.groupPrefix().orElse("")).forEach(binding -> ServerSideApply.apply(client, binding));
        TenantNetworkPolicies.desired(placement).forEach(policy -> ServerSideApply.apply(client, policy));
        if (quota.isEmpty()) {
            client.resources(ResourceQuota.class).inNamespace(placement.namespace()).withName(TenantQuota.QUOTA).delete();
            client.resources(LimitRange.class).inNamespace(placement.namespace()).withName(TenantQuota.LIMIT_RANGE).delete();
        } else {
            ServerSideApply.apply(client, TenantQuota.resourceQuota(placement, quota));
            ServerSideApply.apply(client, TenantQuota.limitRange(placement));
        }
    }

    /** What the tenant's ResourceQuota reports as used, under its own keys. */
    public Map<String, Quantity> quotaUsed(String namespace) {
        ResourceQuota quota = client.resources(ResourceQuota.class).inNamespace(namespace).withName(TenantQuota.QUOTA).get();
        return quota == null || quota.getStatus() == null ? Map.of() : quota.getStatus().getUsed();
    }
}
