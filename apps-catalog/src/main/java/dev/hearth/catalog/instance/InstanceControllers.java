package dev.hearth.catalog.instance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.hearth.catalog.kind.CatalogKind;
import dev.hearth.catalog.queue.Timer;
import dev.hearth.core.Labels;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.informer.KeepWatching;
import dev.hearth.core.informer.WithoutManagedFields;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.status.StatusWriter;
import dev.hearth.core.tenant.TenantFacts;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * The running instance controllers, one per catalog kind, and the caches they share: HelmReleases of catalog apps
 * (whose changes are mirrored on their instances), the apps' credentials Roles and RoleBindings (a hand edit or
 * deletion is undone) and tenant Namespaces (whose inherited services go into the values).
 */
@ApplicationScoped
public class InstanceControllers {
    private static final Logger LOG = Logger.getLogger(InstanceControllers.class);
    private static final long CACHE_SYNC_TIMEOUT_SECONDS = 30;
    private static final long STATUS_RELEASE_MILLIS = 250;

    @Inject
    KubernetesClient client;

    @Inject
    ServerSideApply apply;

    @Inject
    StatusWriter statusWriter;

    @ConfigProperty(name = "hearth.catalog.apply-threads", defaultValue = "16")
    int applyThreads;

    @ConfigProperty(name = "hearth.catalog.status-threads", defaultValue = "2")
    int statusThreads;

    /** The same setting as tenant-service's: the credentials RoleBindings name the groups its level bindings name. */
    @ConfigProperty(name = "hearth.tenant.group-prefix")
    Optional<String> groupPrefix;

    private ThreadPoolExecutor applyPool;
    private ExecutorService statusPool;
    private ScheduledExecutorService retries;

    private final Map<String, InstanceController> controllers = new ConcurrentHashMap<>();
    private SharedIndexInformer<Flux.HelmRelease> helmReleases;
    /** HelmReleases that Helm installed, among them those the catalog charts render ({@link NestedReleases}). */
    private SharedIndexInformer<Flux.HelmRelease> nestedReleases;

    private SharedIndexInformer<Role> credentialRoles;
    private SharedIndexInformer<RoleBinding> credentialRoleBindings;
    /** Tenant namespaces: their annotations, which only tenant-service writes, say what the apps inherit. */
    private SharedIndexInformer<Namespace> tenants;

    /** Starts the controller of the definition's kind, or hands it the changed definition. */
    public synchronized void ensureRunning(ApplicationDefinition definition) {
        startSharedCaches();
        String kind = CatalogKind.of(definition).kind();
        InstanceController running = controllers.get(kind);
        if (running != null) {
            running.update(definition);
            return;
        }
        InstanceReconciler reconciler = new InstanceReconciler(
                apply,
                statusWriter,
                CatalogKind.of(definition),
                this::tenantOf,
                helmReleases.getStore()::getByKey,
                this::nestedIn,
                new InstanceCredentials(
                        apply,
                        groupPrefix.orElse(""),
                        credentialRoles.getStore()::getByKey,
                        credentialRoleBindings.getStore()::getByKey));
        InstanceController controller = new InstanceController(
                client,
                definition,
                reconciler,
                applyPool,
                statusPool,
                () -> applyPool.getActiveCount() > 0 || !applyPool.getQueue().isEmpty(),
                Timer.of(retries));
        controller.start();
        controllers.put(kind, controller);
    }

    /** Stops reconciling a kind; its CRD and instances stay. */
    public synchronized void stop(String kind) {
        Optional.ofNullable(controllers.remove(kind)).ifPresent(InstanceController::close);
    }

    public boolean isRunning(String kind) {
        return controllers.containsKey(kind);
    }

    private void startSharedCaches() {
        if (helmReleases != null) {
            return;
        }
        applyPool = new ThreadPoolExecutor(
                applyThreads,
                applyThreads,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                named("catalog-apply"));
        statusPool = Executors.newFixedThreadPool(statusThreads, named("catalog-status"));
        retries = Executors.newSingleThreadScheduledExecutor(named("catalog-retry"));
        retries.scheduleWithFixedDelay(
                () -> controllers.values().forEach(InstanceController::releaseHeldStatus),
                STATUS_RELEASE_MILLIS,
                STATUS_RELEASE_MILLIS,
                TimeUnit.MILLISECONDS);
        helmReleases = client.resources(Flux.HelmRelease.class)
                .inAnyNamespace()
                .withLabel(Labels.APPLICATION_KIND)
                .runnableInformer(0)
                .itemStore(new WithoutManagedFields<>())
                .exceptionHandler(KeepWatching.of("HelmReleases"));
        helmReleases.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Flux.HelmRelease release) {
                toOwner(release);
            }

            @Override
            public void onUpdate(Flux.HelmRelease old, Flux.HelmRelease release) {
                if (ReleaseChange.of(old, release) == ReleaseChange.STATUS) {
                    toOwnerStatus(release);
                } else {
                    toOwner(release);
                }
            }

            @Override
            public void onDelete(Flux.HelmRelease release, boolean unknownFinalState) {
                toOwner(release);
            }
        });
        CompletionStage<Void> helmReleasesSynced = helmReleases.start();
        nestedReleases = client.resources(Flux.HelmRelease.class)
                .inAnyNamespace()
                .withLabel(Labels.MANAGED_BY, NestedReleases.MANAGED_BY_HELM)
                .runnableInformer(0)
                .itemStore(new WithoutManagedFields<>())
                .exceptionHandler(KeepWatching.of("HelmReleases installed by Helm"));
        nestedReleases.addIndexers(Map.of(NestedReleases.BY_HELM_RELEASE, NestedReleases::indexKeys));
        nestedReleases.addEventHandler(new Route<>(this::toOuterRelease, true));
        CompletionStage<Void> nestedReleasesSynced = nestedReleases.start();
        credentialRoles = ownedByInstances(client.rbac().roles());
        credentialRoleBindings = ownedByInstances(client.rbac().roleBindings());
        CompletionStage<Void> rolesSynced = credentialRoles.start();
        CompletionStage<Void> roleBindingsSynced = credentialRoleBindings.start();
        tenants = client.namespaces()
                .withLabel(Labels.TENANT)
                .runnableInformer(0)
                .itemStore(new WithoutManagedFields<>())
                .exceptionHandler(KeepWatching.of("tenant Namespaces"));
        tenants.addEventHandler(new Route<>(this::toTenantApps, false));
        awaitSynced(tenants.start(), "tenant Namespaces");
        awaitSynced(helmReleasesSynced, "HelmReleases");
        awaitSynced(nestedReleasesSynced, "HelmReleases installed by Helm");
        awaitSynced(rolesSynced, "credentials Roles");
        awaitSynced(roleBindingsSynced, "credentials RoleBindings");
    }

    /** An informer on the credentials Roles or RoleBindings apps-catalog derives from instances, routed to them. */
    private <T extends HasMetadata> SharedIndexInformer<T> ownedByInstances(MixedOperation<T, ?, ?> objects) {
        SharedIndexInformer<T> informer = objects.inAnyNamespace()
                .withLabel(Labels.MANAGED_BY, apply.fieldManager())
                .withLabel(Labels.APPLICATION_KIND)
                .runnableInformer(0)
                .itemStore(new WithoutManagedFields<>())
                .exceptionHandler(KeepWatching.of("credentials Roles and RoleBindings"));
        // credentials are written in the status step (InstanceReconciler.reconcileCredentials)
        informer.addEventHandler(new Route<>(this::toOwnerStatus, true));
        return informer;
    }

    /** Instances reconciled before the caches are filled would get HelmReleases without their tenant's context. */
    private static void awaitSynced(CompletionStage<Void> started, String what) {
        try {
            started.toCompletableFuture().get(CACHE_SYNC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf(
                    "The cache of %s is not filled yet (%s); instances are reconciled meanwhile and again when it fills",
                    what, e.getMessage());
        }
    }

    /** A change to what apps-catalog derives from an instance: the instance is reconciled. */
    private void toOwner(HasMetadata derived) {
        toInstance(derived, InstanceController::enqueue);
    }

    /** A change only the instance's status reflects. */
    private void toOwnerStatus(HasMetadata derived) {
        toInstance(derived, InstanceController::enqueueStatus);
    }

    private void toInstance(HasMetadata derived, Enqueue enqueue) {
        var labels = derived.getMetadata().getLabels();
        InstanceController controller = controllers.get(labels.get(Labels.APPLICATION_KIND));
        if (controller != null && labels.get(Labels.APPLICATION_NAME) != null) {
            enqueue.into(controller, derived.getMetadata().getNamespace(), labels.get(Labels.APPLICATION_NAME));
        }
    }

    private interface Enqueue {
        void into(InstanceController controller, String namespace, String name);
    }

    /** A nested release's change concerns the instance of the catalog release that installed it. */
    private void toOuterRelease(Flux.HelmRelease nested) {
        // a catalog release is named as its Helm release (HelmReleaseFor)
        NestedReleases.installedBy(nested).ifPresent(key -> {
            Flux.HelmRelease outer = helmReleases.getStore().getByKey(key);
            if (outer != null && NestedReleases.keyOf(outer).equals(key)) {
                toOwnerStatus(outer);
            }
        });
    }

    /** The HelmReleases that the catalog release {@code outer} installed, from the cache. */
    private List<Flux.HelmRelease> nestedIn(Flux.HelmRelease outer) {
        return nestedReleases.getIndexer().byIndex(NestedReleases.BY_HELM_RELEASE, NestedReleases.keyOf(outer));
    }

    private void toTenantApps(Namespace namespace) {
        controllers
                .values()
                .forEach(c -> c.enqueueNamespace(namespace.getMetadata().getName()));
    }

    /** What apps in a tenant namespace inherit; nothing when no Tenant owns the namespace (yet). */
    private TenantFacts tenantOf(String namespace) {
        Namespace tenant = tenants.getStore().getByKey(namespace);
        return tenant == null ? TenantFacts.NONE : TenantFacts.of(tenant);
    }

    @PreDestroy
    synchronized void shutdown() {
        controllers.values().forEach(InstanceController::close);
        controllers.clear();
        if (helmReleases != null) {
            List.of(helmReleases, nestedReleases, credentialRoles, credentialRoleBindings, tenants)
                    .forEach(SharedIndexInformer::close);
            applyPool.shutdownNow();
            statusPool.shutdownNow();
            retries.shutdownNow();
        }
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> new Thread(runnable, name + "-" + count.incrementAndGet());
    }

    /** Hands every added or changed object (and, if asked, every deleted one) to one action. */
    private record Route<T>(Consumer<T> action, boolean alsoOnDelete) implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T object) {
            action.accept(object);
        }

        @Override
        public void onUpdate(T old, T object) {
            action.accept(object);
        }

        @Override
        public void onDelete(T object, boolean unknownFinalState) {
            if (alsoOnDelete) {
                action.accept(object);
            }
        }
    }
}
