package dev.hearth.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
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

    /** Writes of the objects inside tenant namespaces, shared by the concurrent reconciles. */
    private final ExecutorService writers = Executors.newFixedThreadPool(16, runnable -> {
        Thread thread = new Thread(runnable, "tenant-writes");
        thread.setDaemon(true);
        return thread;
    });

    /** What every tenant relies on cluster-wide: the tenant roles and the deletion protection of tenant-root. */
    public void applyClusterWide() {
        TenantClusterRoles.desired(TenantPlacement.SERVICE_NAME).forEach(role -> ServerSideApply.apply(client, role));
        ServerSideApply.apply(client, DeletionProtection.policy(TenantPlacement.SERVICE_NAME));
        ServerSideApply.apply(client, DeletionProtection.binding(TenantPlacement.SERVICE_NAME));
    }

    /** Reads and writes straight to the API server (tenant-root, which no reconciler and so no cache serves). */
    public TenantObjects direct() {
        return TenantObjects.direct(client);
    }

    /**
     * The namespace, then everything in it at once: the objects are independent of one another, so a new tenant
     * waits for about two round trips to the API server instead of a dozen.
     */
    public void apply(TenantPlacement placement, Map<String, Quantity> quota, TenantObjects objects) {
        objects.apply(TenantNamespace.desired(placement));
        List<Runnable> writes = new ArrayList<>();
        writes.add(() -> objects.apply(TenantRoleBindings.serviceAccount(placement)));
        TenantRoleBindings.desired(placement, config.groupPrefix().orElse(""))
                .forEach(binding -> writes.add(() -> objects.apply(binding)));
        TenantNetworkPolicies.desired(placement).forEach(policy -> writes.add(() -> objects.apply(policy)));
        if (quota.isEmpty()) {
            writes.add(() -> objects.delete(ResourceQuota.class, placement.namespace(), TenantQuota.QUOTA));
            writes.add(() -> objects.delete(LimitRange.class, placement.namespace(), TenantQuota.LIMIT_RANGE));
        } else {
            writes.add(() -> objects.apply(TenantQuota.resourceQuota(placement, quota)));
            writes.add(() -> objects.apply(TenantQuota.limitRange(placement)));
        }
        runAll(writes);
    }

    private void runAll(List<Runnable> writes) {
        CompletableFuture<?>[] running = writes.stream()
                .map(write -> CompletableFuture.runAsync(write, writers))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(running).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }

    /** What the tenant's ResourceQuota reports as used, under its own keys. */
    public static Map<String, Quantity> quotaUsed(String namespace, TenantObjects objects) {
        return objects.current(ResourceQuota.class, namespace, TenantQuota.QUOTA)
                .filter(quota -> quota.getStatus() != null && quota.getStatus().getUsed() != null)
                .map(quota -> quota.getStatus().getUsed())
                .orElse(Map.of());
    }
}
