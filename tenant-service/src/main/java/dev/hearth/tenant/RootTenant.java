package dev.hearth.tenant;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.hearth.core.operator.Leadership;
import dev.hearth.tenant.identity.KeycloakGroups;
import dev.hearth.tenant.lineage.TenantPlacement;
import dev.hearth.tenant.network.NetworkConfig;
import dev.hearth.tenant.network.TenantNetwork;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * tenant-root has no Tenant object: on start, the service ensures its namespace (labelled so that deleting it is
 * refused), RBAC and policies, the cluster-wide tenant roles and the admission policy that refuses the deletion. Without an API server it keeps retrying in the
 * background instead of failing the start.
 */
@ApplicationScoped
public class RootTenant {
    private static final Logger LOG = Logger.getLogger(RootTenant.class);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Duration GROUPS_RETRY = Duration.ofSeconds(30);

    @Inject
    TenantConfig config;

    @Inject
    NetworkConfig networkConfig;

    @Inject
    TenantResources resources;

    @Inject
    TenantKubeconfigs kubeconfigs;

    @Inject
    Leadership leadership;

    @Inject
    KeycloakGroups groups;

    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "root-tenant"));
    private volatile boolean ensured;
    private final AtomicBoolean ensurePending = new AtomicBoolean();

    public TenantPlacement placement() {
        TenantConfig.Root root = config.root();
        return TenantPlacement.root(
                config.rootHost(), root.etcd(), root.ingress(), root.monitoring(), root.seaweedfs());
    }

    void onStart(@Observes StartupEvent event) {
        // a standby writes nothing: the replica that wins the lease ensures the root
        leadership.whenLeader(() -> executor.execute(this::ensure));
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    public boolean ensured() {
        return ensured;
    }

    /** Applies the root again soon, e.g. after a hand edit in tenant-root; requests arriving meanwhile are merged. */
    public void ensureSoon() {
        // the informers run on a standby too; the leader undoes the edit
        if (leadership.leads() && ensurePending.compareAndSet(false, true)) {
            executor.execute(() -> {
                ensurePending.set(false);
                ensure();
            });
        }
    }

    /** tenant-root has no Tenant to carry a GroupsReady condition: a failure is logged and tried again later. */
    private void ensureGroups() {
        groups.ensure(placement().namespace())
                .ifPresent(failure ->
                        executor.schedule(this::ensureGroups, GROUPS_RETRY.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void ensure() {
        try {
            resources.applyClusterWide();
            TenantObjects direct = resources.direct();
            TenantPlacement placement = placement();
            TenantNetwork network = TenantNetwork.of(
                    TenantResources.namespaces(placement.path(), direct), networkConfig.apiServerCidrs());
            resources.apply(
                    TenantObjectsFor.desired(
                            placement,
                            network,
                            Map.of(),
                            config.groupPrefix().orElse(""),
                            List.of(),
                            kubeconfigs.settings()),
                    direct);
            ensured = true;
            LOG.infof(
                    "Ensured the root tenant %s, the tenant ClusterRoles and the deletion protection",
                    placement().namespace());
            ensureGroups();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot ensure the root tenant yet, retrying in %ss: %s", RETRY.toSeconds(), e.getMessage());
            executor.schedule(this::ensure, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
