package dev.hearth.catalog.instance;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import dev.hearth.catalog.kind.CatalogKind;
import dev.hearth.catalog.queue.Backoff;
import dev.hearth.catalog.queue.Timer;
import dev.hearth.catalog.queue.WorkQueue;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.informer.KeepWatching;
import dev.hearth.core.informer.WithoutManagedFields;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * Reconciles the instances of one catalog kind into HelmReleases ({@link InstanceReconciler}). Catalog kinds appear at
 * runtime, and the Operator SDK registers controllers only before it starts, so each kind gets this small controller:
 * an informer on the kind and two de-duplicating work queues, one to write HelmReleases and one to write the
 * instances' credentials Roles and mirror their releases' state onto their status. The queues of every kind share two
 * pools, the status pool much smaller, and a status write waits while releases are being written ({@link StatusHold}),
 * so that under a burst of new instances the API server's capacity goes to the HelmReleases first and the status
 * writes follow, coalesced.
 */
public final class InstanceController implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InstanceController.class);
    private static final long LONGEST_STATUS_HOLD_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final KubernetesClient client;
    private final CatalogKind kind;
    private final InstanceReconciler reconciler;
    private final WorkQueue queue;
    private final WorkQueue statusQueue;
    /** HelmReleases just written, for the status worker while the informer has not delivered them yet. */
    private final Map<String, Flux.HelmRelease> justApplied = new ConcurrentHashMap<>();

    private final StatusHold statusHold;
    private volatile ApplicationDefinition definition;
    private SharedIndexInformer<GenericKubernetesResource> informer;
    private volatile boolean closed;

    InstanceController(
            KubernetesClient client,
            ApplicationDefinition definition,
            InstanceReconciler reconciler,
            Executor applyPool,
            Executor statusPool,
            BooleanSupplier writingReleases,
            Timer retries) {
        this.statusHold = new StatusHold(writingReleases, LONGEST_STATUS_HOLD_NANOS, System::nanoTime);
        this.client = client;
        this.kind = CatalogKind.of(definition);
        this.definition = definition;
        this.reconciler = reconciler;
        this.queue = new WorkQueue(kind.kind(), applyPool, retries, Backoff.DEFAULT, key -> process(key, this::apply));
        this.statusQueue = new WorkQueue(
                kind.kind() + " status", statusPool, retries, Backoff.DEFAULT, key -> process(key, this::mirror));
    }

    void start() {
        informer = client.genericKubernetesResources(kind.context())
                .inAnyNamespace()
                .runnableInformer(0)
                .itemStore(new WithoutManagedFields<>())
                .exceptionHandler(KeepWatching.of(kind.kind() + " instances"));
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
        queue.add(Cache.namespaceKeyFunc(namespace, name));
    }

    /** Only the instance's status needs the release's latest state. */
    void enqueueStatus(String namespace, String name) {
        statusQueue.add(Cache.namespaceKeyFunc(namespace, name));
    }

    void enqueueNamespace(String namespace) {
        informer.getStore().list().stream()
                .filter(i -> namespace.equals(i.getMetadata().getNamespace()))
                .forEach(this::enqueue);
    }

    private void enqueue(GenericKubernetesResource instance) {
        enqueue(instance.getMetadata().getNamespace(), instance.getMetadata().getName());
    }

    /** Runs a step on the instance of {@code key}, unless it is gone or going; a failure is retried by the queue. */
    private void process(String key, Consumer<GenericKubernetesResource> step) {
        if (closed) {
            return;
        }
        GenericKubernetesResource instance = informer.getStore().getByKey(key);
        if (instance != null && instance.getMetadata().getDeletionTimestamp() == null) {
            step.accept(instance);
        } else {
            justApplied.remove(key);
            statusHold.forget(key);
            reconciler.forget(key);
        }
    }

    /** Writes the HelmRelease if needed, then has its credentials written and its state mirrored on the instance. */
    private void apply(GenericKubernetesResource instance) {
        String key = Cache.metaNamespaceKeyFunc(instance);
        reconciler.reconcile(instance, definition).ifPresent(written -> justApplied.put(key, written));
        statusQueue.add(key);
    }

    private void mirror(GenericKubernetesResource instance) {
        String key = Cache.metaNamespaceKeyFunc(instance);
        if (!statusHold.holds(key)) {
            reconciler.reconcileCredentials(instance, definition);
            reconciler.mirrorStatus(instance, definition, justApplied.remove(key));
        }
    }

    /** Queues the held and paced status writes that may go now. */
    void releaseHeldStatus() {
        statusHold.release(statusQueue::add);
        reconciler.releasePaced(statusQueue::add);
    }

    public boolean hasSynced() {
        return informer != null && informer.hasSynced();
    }

    @Override
    public void close() {
        closed = true;
        queue.close();
        statusQueue.close();
        if (informer != null) {
            informer.close();
        }
        LOG.infof("Stopped reconciling %s instances", kind.kind());
    }
}
