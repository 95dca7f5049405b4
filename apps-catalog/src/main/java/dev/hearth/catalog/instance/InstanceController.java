package dev.hearth.catalog.instance;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.catalog.definition.CatalogKind;
import dev.hearth.core.DesiredState;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.informer.WithoutManagedFields;
import dev.hearth.core.status.ReadyCondition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * Reconciles the instances of one catalog kind into HelmReleases. Catalog kinds appear at runtime, and the Operator
 * SDK registers controllers only before it starts, so each kind gets this small controller: an informer on the kind
 * and two de-duplicating work queues, one to write HelmReleases and one to mirror their state onto the instances'
 * status. The queues of every kind share two pools, the status pool much smaller, and a status write waits while
 * releases are being written ({@link StatusHold}), so that under a burst of new instances the API server's capacity
 * goes to the HelmReleases first and the status writes follow, coalesced.
 */
public final class InstanceController implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InstanceController.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PatchContext STATUS_APPLY = new PatchContext.Builder()
            .withPatchType(PatchType.SERVER_SIDE_APPLY)
            .withFieldManager(ServiceUserAgent.FIELD_MANAGER)
            .withForce(true)
            .build();

    private static final long LONGEST_STATUS_HOLD_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final KubernetesClient client;
    private final CatalogKind kind;
    private final Function<String, TenantContext> tenants;
    private final Function<String, GenericKubernetesResource> helmReleases;
    private final HelmReleaseWriter writer;
    private final InstanceStatusFrom statusFrom = new InstanceStatusFrom(ReadyCondition.systemClock());
    private final WorkQueue queue;
    private final WorkQueue statusQueue;
    /** HelmReleases just applied, for the status worker while the informer has not delivered them yet. */
    private final Map<String, GenericKubernetesResource> justApplied = new ConcurrentHashMap<>();

    private final ScheduledExecutorService retries;
    private final StatusHold statusHold;
    private volatile ApplicationDefinition definition;
    private SharedIndexInformer<GenericKubernetesResource> informer;
    private volatile boolean closed;

    InstanceController(
            KubernetesClient client,
            ApplicationDefinition definition,
            Function<String, TenantContext> tenants,
            Function<String, GenericKubernetesResource> helmReleases,
            Executor applyPool,
            Executor statusPool,
            BooleanSupplier writingReleases,
            ScheduledExecutorService retries) {
        this.statusHold = new StatusHold(writingReleases, LONGEST_STATUS_HOLD_NANOS, System::nanoTime);
        this.retries = retries;
        this.client = client;
        this.writer = new HelmReleaseWriter(client);
        this.kind = CatalogKind.of(definition);
        this.definition = definition;
        this.tenants = tenants;
        this.helmReleases = helmReleases;
        this.queue = new WorkQueue(applyPool, key -> process(key, this::reconcile, this::enqueueApply));
        this.statusQueue =
                new WorkQueue(statusPool, key -> process(key, this::updateStatusUnlessHeld, this::enqueueStatus));
    }

    void start() {
        informer = client.genericKubernetesResources(kind.context())
                .inAnyNamespace()
                .runnableInformer(0)
                .itemStore(new WithoutManagedFields<>());
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource instance) {
                enqueue(instance);
            }

            @Override
            public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource instance) {
                if (!Objects.equals(
                        old.getMetadata().getGeneration(),
                        instance.getMetadata().getGeneration())) {
                    enqueue(instance);
                }
            }

            @Override
            public void onDelete(GenericKubernetesResource instance, boolean unknownFinalState) {
                // its HelmRelease carries an owner reference: the garbage collector removes it
            }
        });
        informer.start();
        LOG.infof("Reconciling %s instances into HelmReleases", kind.kind());
    }

    /** A changed definition (e.g. a new chart version) moves every instance. */
    void update(ApplicationDefinition changed) {
        ApplicationDefinition previous = definition;
        definition = changed;
        if (!Objects.equals(
                previous.getMetadata().getGeneration(), changed.getMetadata().getGeneration())) {
            informer.getStore().list().forEach(this::enqueue);
        }
    }

    void enqueue(String namespace, String name) {
        enqueueApply(Cache.namespaceKeyFunc(namespace, name));
    }

    void enqueueNamespace(String namespace) {
        informer.getStore().list().stream()
                .filter(i -> namespace.equals(i.getMetadata().getNamespace()))
                .forEach(this::enqueue);
    }

    private void enqueue(GenericKubernetesResource instance) {
        enqueue(instance.getMetadata().getNamespace(), instance.getMetadata().getName());
    }

    private void enqueueApply(String key) {
        queue.add(key);
    }

    private void enqueueStatus(String key) {
        statusQueue.add(key);
    }

    private void process(String key, Consumer<GenericKubernetesResource> action, Consumer<String> retry) {
        if (closed) {
            return;
        }
        try {
            GenericKubernetesResource instance = informer.getStore().getByKey(key);
            if (instance != null && instance.getMetadata().getDeletionTimestamp() == null) {
                action.accept(instance);
            } else {
                justApplied.remove(key);
                statusHold.forget(key);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Reconciling %s %s failed, retrying in 2 s: %s", kind.kind(), key, e.getMessage());
            retries.schedule(() -> retry.accept(key), 2, TimeUnit.SECONDS);
        }
    }

    /** Writes the instance's HelmRelease when it is missing or differs, then has its state mirrored on the instance. */
    private void reconcile(GenericKubernetesResource instance) {
        String namespace = instance.getMetadata().getNamespace();
        GenericKubernetesResource desired = HelmReleaseFor.instance(instance, definition, tenants.apply(namespace));
        GenericKubernetesResource current = helmReleases.apply(
                Cache.namespaceKeyFunc(namespace, desired.getMetadata().getName()));
        String key = Cache.metaNamespaceKeyFunc(instance);
        if (current == null || !SpecHash.matches(current, desired) || !DesiredState.satisfiedBy(desired, current)) {
            justApplied.put(key, writer.write(desired, current));
        }
        enqueueStatus(key);
    }

    private void updateStatusUnlessHeld(GenericKubernetesResource instance) {
        if (!statusHold.holds(Cache.metaNamespaceKeyFunc(instance))) {
            updateStatus(instance);
        }
    }

    /** Queues the held status writes that may go now. */
    void releaseHeldStatus() {
        statusHold.release(this::enqueueStatus);
    }

    /** Mirrors the HelmRelease's state on the instance; writes only when the status changes. */
    private void updateStatus(GenericKubernetesResource instance) {
        String key = Cache.metaNamespaceKeyFunc(instance);
        GenericKubernetesResource cached = helmReleases.apply(Cache.namespaceKeyFunc(
                instance.getMetadata().getNamespace(),
                HelmReleaseFor.name(definition, instance.getMetadata().getName())));
        GenericKubernetesResource applied = justApplied.remove(key);
        GenericKubernetesResource helmRelease = cached != null ? cached : applied;
        Object currentStatus = instance.getAdditionalProperties().get("status");
        InstanceStatus status =
                currentStatus == null ? new InstanceStatus() : JSON.convertValue(currentStatus, InstanceStatus.class);
        statusFrom.update(instance, status, helmRelease);
        @SuppressWarnings("unchecked")
        Map<String, Object> desired = JSON.convertValue(status, Map.class);
        if (!desired.equals(currentStatus)) {
            Map<String, Object> patch = Map.of(
                    "apiVersion", instance.getApiVersion(),
                    "kind", instance.getKind(),
                    "metadata",
                            Map.of(
                                    "name",
                                    instance.getMetadata().getName(),
                                    "namespace",
                                    instance.getMetadata().getNamespace()),
                    "status", desired);
            client.genericKubernetesResources(kind.context())
                    .inNamespace(instance.getMetadata().getNamespace())
                    .withName(instance.getMetadata().getName())
                    .subresource("status")
                    .patch(STATUS_APPLY, client.getKubernetesSerialization().asJson(patch));
        }
    }

    public boolean hasSynced() {
        return informer != null && informer.hasSynced();
    }

    @Override
    public void close() {
        closed = true;
        if (informer != null) {
            informer.close();
        }
        LOG.infof("Stopped reconciling %s instances", kind.kind());
    }
}
