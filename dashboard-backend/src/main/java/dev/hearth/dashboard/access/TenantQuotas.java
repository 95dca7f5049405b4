package dev.hearth.dashboard.access;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.naming.TenantNamespaceName;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.StartupEvent;

/**
 * The quota of each tenant, from informer caches the backend keeps with its own read-only identity: the Tenants
 * (declared hard limits, what tenant-service counts as allocated to children) and the tenants' ResourceQuotas
 * {@value #QUOTA} (usage, kept real by the API server and kube-controller-manager). Requests read these caches,
 * filtered per caller, and never list anything themselves.
 */
@ApplicationScoped
public class TenantQuotas {
    /** tenant-service's ResourceQuota in every tenant namespace (its {@code ResourceQuotaFor.QUOTA}). */
    static final String QUOTA = "tenant-quota";

    private static final Logger LOG = Logger.getLogger(TenantQuotas.class);

    @Inject
    KubernetesClient backend;

    private volatile SharedIndexInformer<Tenant> tenants;
    private volatile SharedIndexInformer<ResourceQuota> quotas;

    /**
     * @param hard      what the tenant declares (its spec, as tenant-service reports it)
     * @param used      what the tenant's namespace uses now
     * @param allocated what its child tenants declared
     */
    public record Quota(Map<String, String> hard, Map<String, String> used, Map<String, String> allocated) {}

    void start(@Observes StartupEvent started) {
        tenants = backend.resources(Tenant.class).inAnyNamespace().runnableInformer(0);
        quotas = backend.resourceQuotas()
                .inAnyNamespace()
                .withField("metadata.name", QUOTA)
                .runnableInformer(0);
        tenants.start().exceptionally(failure -> warn("Tenant", failure));
        quotas.start().exceptionally(failure -> warn("ResourceQuota", failure));
    }

    /** The Tenant object of a tenant namespace (none for tenant-root). */
    public Optional<Tenant> tenant(String namespace) {
        Optional<String> parent = TenantNamespaceName.parentOf(namespace);
        if (tenants == null || parent.isEmpty()) {
            return Optional.empty();
        }
        String name = namespace.substring(
                TenantNamespaceName.ROOT.equals(parent.get())
                        ? "tenant-".length()
                        : parent.get().length() + 1);
        return Optional.ofNullable(tenants.getStore().getByKey(parent.get() + "/" + name));
    }

    /** The quota of a tenant namespace; empty maps where nothing is declared. */
    public Quota of(String namespace) {
        Map<String, Quantity> hard = new TreeMap<>();
        Map<String, Quantity> allocated = new TreeMap<>();
        tenant(namespace).ifPresent(tenant -> {
            if (tenant.getSpec() != null) {
                hard.putAll(tenant.getSpec().resourceQuotas);
            }
            if (tenant.getStatus() != null && tenant.getStatus().quota != null) {
                allocated.putAll(tenant.getStatus().quota.allocatedToChildren);
            }
        });
        Map<String, Quantity> used = new TreeMap<>();
        if (quotas != null) {
            ResourceQuota quota = quotas.getStore().getByKey(namespace + "/" + QUOTA);
            if (quota != null && quota.getStatus() != null && quota.getStatus().getUsed() != null) {
                used.putAll(quota.getStatus().getUsed());
            }
        }
        return new Quota(text(hard), text(used), text(allocated));
    }

    public boolean synced() {
        return tenants != null && tenants.hasSynced() && quotas != null && quotas.hasSynced();
    }

    private static Map<String, String> text(Map<String, Quantity> quantities) {
        Map<String, String> text = new TreeMap<>();
        quantities.forEach((key, value) -> text.put(key, value.toString()));
        return text;
    }

    private static Void warn(String kind, Throwable failure) {
        LOG.warnf("%s informer not started yet: %s", kind, failure.getMessage());
        return null;
    }

    @PreDestroy
    void stop() {
        if (tenants != null) {
            tenants.close();
        }
        if (quotas != null) {
            quotas.close();
        }
    }
}
