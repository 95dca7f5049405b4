package dev.hearth.dashboard.events;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hearth.core.api.ApiGroups;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.dashboard.access.TenantBindings;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.quarkus.runtime.StartupEvent;

/**
 * The changes of every tenant's Hearth objects ({@code apps.hearth.dev}: apps, VMs, disks, clusters, child tenants)
 * and Kubernetes Events, from one informer per kind the backend keeps with its own read-only identity: a stream costs
 * a listener, never a watch. Kinds appear with their CRDs (catalog apps at any time), so discovery runs again every
 * {@code hearth.events.discovery-period}. Each tenant keeps a bounded {@link ChangeHistory} for resumes.
 */
@ApplicationScoped
public class TenantFeed {
    private static final Logger LOG = Logger.getLogger(TenantFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KubernetesClient backend;

    @Inject
    TenantBindings bindings;

    @ConfigProperty(name = "hearth.events.history", defaultValue = "1000")
    int historySize;

    @ConfigProperty(name = "hearth.events.discovery-period", defaultValue = "15s")
    Duration discoveryPeriod;

    private final Map<String, SharedIndexInformer<?>> informers = new ConcurrentHashMap<>();
    private final Map<String, ChangeHistory> histories = new ConcurrentHashMap<>();
    private final Map<String, Set<Consumer<TenantChange>>> listeners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService discovery =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("event-kinds"));

    void start(@Observes StartupEvent started) {
        watch("Event", backend.v1().events().inAnyNamespace().runnableInformer(0));
        rbacChanges(bindings.informer());
        discovery.scheduleWithFixedDelay(this::discover, 0, discoveryPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A tenant's RoleBinding changed or went: its streams ask their access question again at once. */
    private void rbacChanges(SharedIndexInformer<RoleBinding> roleBindings) {
        roleBindings.addEventHandler(new ResourceEventHandler<RoleBinding>() {
            @Override
            public void onAdd(RoleBinding binding) {}

            @Override
            public void onUpdate(RoleBinding before, RoleBinding after) {
                recheck(after.getMetadata().getNamespace());
            }

            @Override
            public void onDelete(RoleBinding binding, boolean finalStateUnknown) {
                recheck(binding.getMetadata().getNamespace());
            }
        });
    }

    private void recheck(String namespace) {
        for (Consumer<TenantChange> listener : listeners.getOrDefault(namespace, Set.of())) {
            if (listener instanceof EventStream stream) {
                stream.recheck();
            }
        }
    }

    private void discover() {
        try {
            var list = backend.getApiResources(ApiGroups.APPS + "/v1alpha1");
            if (list == null) {
                return;
            }
            for (APIResource resource : list.getResources()) {
                if (resource.getName().contains("/") || informers.containsKey(resource.getKind())) {
                    continue;
                }
                ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                        .withGroup(ApiGroups.APPS)
                        .withVersion("v1alpha1")
                        .withPlural(resource.getName())
                        .withKind(resource.getKind())
                        .withNamespaced(true)
                        .build();
                watch(
                        resource.getKind(),
                        backend.genericKubernetesResources(context)
                                .inAnyNamespace()
                                .runnableInformer(0));
            }
        } catch (RuntimeException e) {
            LOG.debugf("discovery of %s failed: %s", ApiGroups.APPS, e.getMessage());
        }
    }

    private <T extends HasMetadata> void watch(String kind, SharedIndexInformer<T> informer) {
        if (informers.putIfAbsent(kind, informer) != null) {
            return;
        }
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T object) {
                publish("ADDED", kind, object);
            }

            @Override
            public void onUpdate(T before, T after) {
                if (!after.getMetadata()
                        .getResourceVersion()
                        .equals(before.getMetadata().getResourceVersion())) {
                    publish("MODIFIED", kind, after);
                }
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                publish("DELETED", kind, object);
            }
        });
        informer.start().exceptionally(failure -> {
            LOG.warnf("%s informer not started yet: %s", kind, failure.getMessage());
            return null;
        });
    }

    private void publish(String type, String kind, HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        if (namespace == null || !TenantNamespaceName.isTenantNamespace(namespace)) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type);
        body.put("kind", kind);
        body.set("object", JSON.valueToTree(object));
        TenantChange change = new TenantChange(object.getMetadata().getResourceVersion(), type, body.toString());
        ChangeHistory history = history(namespace);
        // under the history's lock, so a subscriber's replay and its live changes neither overlap nor leave a gap
        synchronized (history) {
            history.add(change);
            for (Consumer<TenantChange> listener : listeners.getOrDefault(namespace, Set.of())) {
                listener.accept(change);
            }
        }
    }

    /**
     * Subscribes to a tenant's changes after {@code lastId}: the replay, then every later change, with no gap.
     *
     * @return false when the history no longer holds {@code lastId} (the client must relist); the listener then gets
     *     only changes from now on
     */
    public boolean subscribe(String namespace, String lastId, Consumer<TenantChange> listener) {
        ChangeHistory history = history(namespace);
        synchronized (history) {
            boolean resumed = true;
            if (lastId != null) {
                var replay = history.after(lastId);
                resumed = replay.isPresent();
                replay.orElse(List.of()).forEach(listener);
            }
            listeners
                    .computeIfAbsent(namespace, ns -> new CopyOnWriteArraySet<>())
                    .add(listener);
            return resumed;
        }
    }

    public void unsubscribe(String namespace, Consumer<TenantChange> listener) {
        Set<Consumer<TenantChange>> set = listeners.get(namespace);
        if (set != null) {
            set.remove(listener);
        }
    }

    /** The objects of a tenant now in the caches (a relist). */
    public List<ObjectNode> current(String namespace) {
        return informers.entrySet().stream()
                .filter(e -> !"Event".equals(e.getKey()))
                .flatMap(e -> e.getValue().getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
                        .map(object -> {
                            ObjectNode body = JSON.createObjectNode();
                            body.put("type", "ADDED");
                            body.put("kind", e.getKey());
                            body.set("object", JSON.valueToTree(object));
                            return body;
                        }))
                .toList();
    }

    /**
     * The cached objects of {@code kind} in {@code namespace}, once its informer has synced (empty before, and for a
     * kind not discovered yet). The caches are the backend's: a caller's right to read them is checked first.
     */
    public Optional<List<GenericKubernetesResource>> cached(String kind, String namespace) {
        SharedIndexInformer<?> informer = informers.get(kind);
        if (informer == null || !informer.hasSynced() || "Event".equals(kind)) {
            return Optional.empty();
        }
        return Optional.of(informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
                .filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast)
                .sorted(Comparator.comparing(o -> o.getMetadata().getName()))
                .toList());
    }

    /** The id to resume from after a relist of {@code namespace}. */
    public String newestId(String namespace) {
        return history(namespace).newest().orElse("");
    }

    private ChangeHistory history(String namespace) {
        return histories.computeIfAbsent(namespace, ns -> new ChangeHistory(historySize));
    }

    @PreDestroy
    void stop() {
        discovery.shutdownNow();
        informers.values().forEach(SharedIndexInformer::close);
    }
}
