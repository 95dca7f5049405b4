package dev.hearth.tenant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hearth.core.upstream.Kamaji;
import dev.hearth.tenant.kubeconfig.KubeconfigReaderBindingFor;
import dev.hearth.tenant.kubeconfig.KubeconfigReaderRoleFor;
import dev.hearth.tenant.kubeconfig.KubeconfigSettings;
import dev.hearth.tenant.kubeconfig.TenantKubeconfigFor;
import dev.hearth.tenant.lineage.NamespaceFor;
import dev.hearth.tenant.lineage.TenantPlacement;
import dev.hearth.tenant.modules.DataStoreFor;
import dev.hearth.tenant.modules.ModuleInstanceFor;
import dev.hearth.tenant.modules.TenantModule;
import dev.hearth.tenant.network.NetworkPoliciesFor;
import dev.hearth.tenant.network.TenantNetwork;
import dev.hearth.tenant.quota.LimitRangeFor;
import dev.hearth.tenant.quota.ResourceQuotaFor;
import dev.hearth.tenant.rbac.ReleaseRoleBindingFor;
import dev.hearth.tenant.rbac.ReleaseServiceAccountFor;
import dev.hearth.tenant.rbac.RoleBindingsFor;
import dev.hearth.tenant.rbac.ServiceAccountFor;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * Every object of a tenant, from the pure mappings of each feature package: its namespace, what the namespace holds
 * (ServiceAccount, RoleBindings, NetworkPolicies, the ResourceQuota and LimitRange when a quota is set, the tenant
 * kubeconfig with the Role and RoleBinding that let the tenant read it when kubeconfigs are configured) and the
 * instances of the modules it runs, with the Kamaji DataStore of its etcd when it runs etcd itself.
 *
 * @param namespace the tenant namespace, which must exist before anything inside it
 * @param inside the objects inside the namespace, independent of one another
 * @param modules the app instances of the tenant's modules, of catalog kinds that apps-catalog may not serve yet
 * @param dataStore the cluster-scoped DataStore named after the namespace, which the namespace owns once it exists
 *     (its owner reference is added when it is applied: {@link DataStoreFor#ownedBy})
 */
public record TenantObjectsFor(
        Namespace namespace,
        List<HasMetadata> inside,
        List<GenericKubernetesResource> modules,
        Optional<Kamaji.DataStore> dataStore) {

    public static TenantObjectsFor desired(
            TenantPlacement placement,
            TenantNetwork network,
            Map<String, Quantity> quota,
            String groupPrefix,
            Collection<TenantModule> modules,
            Optional<KubeconfigSettings> kubeconfig) {
        List<HasMetadata> inside = new ArrayList<>();
        inside.add(ServiceAccountFor.desired(placement));
        inside.addAll(RoleBindingsFor.desired(placement, groupPrefix));
        inside.add(ReleaseServiceAccountFor.desired(placement));
        inside.add(ReleaseRoleBindingFor.desired(placement));
        inside.addAll(NetworkPoliciesFor.desired(placement, network));
        if (!quota.isEmpty()) {
            inside.add(ResourceQuotaFor.desired(placement, quota));
            inside.add(LimitRangeFor.desired(placement));
        }
        kubeconfig.ifPresent(settings -> {
            inside.add(TenantKubeconfigFor.desired(placement, settings));
            inside.add(KubeconfigReaderRoleFor.desired(placement));
            inside.add(KubeconfigReaderBindingFor.desired(placement, groupPrefix));
        });
        return new TenantObjectsFor(
                NamespaceFor.desired(placement),
                List.copyOf(inside),
                modules.stream()
                        .sorted()
                        .map(module -> ModuleInstanceFor.desired(placement, module))
                        .toList(),
                DataStoreFor.ifWanted(placement));
    }

    /** Every object, the namespace first. */
    public List<HasMetadata> all() {
        List<HasMetadata> all = new ArrayList<>();
        all.add(namespace);
        all.addAll(inside);
        all.addAll(modules);
        dataStore.ifPresent(all::add);
        return all;
    }

    public Optional<ResourceQuota> resourceQuota() {
        return inside.stream()
                .filter(ResourceQuota.class::isInstance)
                .map(ResourceQuota.class::cast)
                .findFirst();
    }

    public Optional<LimitRange> limitRange() {
        return inside.stream()
                .filter(LimitRange.class::isInstance)
                .map(LimitRange.class::cast)
                .findFirst();
    }

    public Optional<Secret> kubeconfig() {
        return inside.stream()
                .filter(Secret.class::isInstance)
                .map(Secret.class::cast)
                .findFirst();
    }
}
