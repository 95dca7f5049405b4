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

import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.tenant.kubeconfig.KubeconfigReaderRoleFor;
import dev.hearth.tenant.kubeconfig.TenantKubeconfigFor;
import dev.hearth.tenant.lineage.DeletionProtectionFor;
import dev.hearth.tenant.lineage.TenantPlacement;
import dev.hearth.tenant.modules.TenantDataStores;
import dev.hearth.tenant.quota.LimitRangeFor;
import dev.hearth.tenant.quota.ResourceQuotaFor;
import dev.hearth.tenant.rbac.ClusterRolesFor;
import dev.hearth.tenant.rbac.ReleaseClusterRoleFor;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

/** Applies what a tenant namespace holds, from the pure mappings of each feature package. */
@ApplicationScoped
public class TenantResources {

    @Inject
    ServerSideApply writes;

    @Inject
    TenantDataStores dataStores;

    /** Writes of the objects inside tenant namespaces, shared by the concurrent reconciles. */
    private final ExecutorService writers = Executors.newFixedThreadPool(16, runnable -> {
        Thread thread = new Thread(runnable, "tenant-writes");
        thread.setDaemon(true);
        return thread;
    });

    /** What every tenant relies on cluster-wide: the tenant roles, the release role and the deletion protection of tenant-root. */
    public void applyClusterWide() {
        writes.applyAll(ClusterRolesFor.desired(TenantPlacement.SERVICE_NAME));
        writes.apply(ReleaseClusterRoleFor.desired(TenantPlacement.SERVICE_NAME));
        writes.applyAll(DeletionProtectionFor.desired(TenantPlacement.SERVICE_NAME));
    }

    /** Reads and writes straight to the API server (tenant-root, which no reconciler and so no cache serves). */
    public TenantObjects direct() {
        return TenantObjects.direct(writes);
    }

    /**
     * The namespace, then everything in it at once: the objects are independent of one another, so a new tenant
     * waits for about two round trips to the API server instead of a dozen. Without a quota, the quota objects go;
     * without kubeconfig settings, the kubeconfig and its Role and RoleBinding.
     * The module instances are left to {@link dev.hearth.tenant.modules.TenantModuleInstances}. Last, the Kamaji
     * DataStore of a tenant that runs etcd itself, owned by the namespace (whose uid it needs), or its deletion.
     */
    public void apply(TenantObjectsFor desired, TenantObjects objects) {
        objects.apply(desired.namespace());
        String namespace = desired.namespace().getMetadata().getName();
        List<Runnable> writes = new ArrayList<>();
        desired.inside().forEach(object -> writes.add(() -> objects.apply(object)));
        if (desired.resourceQuota().isEmpty()) {
            writes.add(() -> objects.delete(ResourceQuota.class, namespace, ResourceQuotaFor.QUOTA));
        }
        if (desired.limitRange().isEmpty()) {
            writes.add(() -> objects.delete(LimitRange.class, namespace, LimitRangeFor.LIMIT_RANGE));
        }
        if (desired.kubeconfig().isEmpty()) {
            writes.add(() -> objects.delete(Secret.class, namespace, TenantKubeconfigFor.SECRET));
            writes.add(() -> objects.delete(Role.class, namespace, KubeconfigReaderRoleFor.NAME));
            writes.add(() -> objects.delete(RoleBinding.class, namespace, KubeconfigReaderRoleFor.NAME));
        }
        runAll(writes);
        Namespace current = objects.current(Namespace.class, null, namespace)
                .orElseThrow(() -> new IllegalStateException("namespace " + namespace + " vanished after its apply"));
        dataStores.converge(current, desired.dataStore());
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

    /** The Namespaces of {@code names} that exist. */
    public static List<Namespace> namespaces(List<String> names, TenantObjects objects) {
        return names.stream()
                .flatMap(name -> objects.current(Namespace.class, null, name).stream())
                .toList();
    }

    /** What the tenant's ResourceQuota reports as used, under its own keys. */
    public static Map<String, Quantity> quotaUsed(String namespace, TenantObjects objects) {
        return objects.current(ResourceQuota.class, namespace, ResourceQuotaFor.QUOTA)
                .filter(quota -> quota.getStatus() != null && quota.getStatus().getUsed() != null)
                .map(quota -> quota.getStatus().getUsed())
                .orElse(Map.of());
    }
}
