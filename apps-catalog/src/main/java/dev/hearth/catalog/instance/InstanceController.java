package dev.hearth.catalog.instance;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.catalog.definition.CatalogKind;
import dev.hearth.core.api.catalog.ApplicationDefinition;
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
 * SDK registers controllers only before it starts, so each kind gets this small controller: an informer on the
 * kind, a de-duplicating work queue and a few workers.
 */
public final class InstanceController implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InstanceController.class);
    private static final String FIELD_MANAGER = "hearth-apps-catalog";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PatchContext STATUS_APPLY = new PatchContext.Builder()
            .withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager(FIELD_MANAGER).withForce(true).build();

    private final KubernetesClient client;
    private final CatalogKind kind;
    private final Function<String, TenantContext> tenants;
    private final Function<String, GenericKubernetesResource> helmReleases;
    private final InstanceStatusFrom statusFrom = new InstanceStatusFrom(ReadyCondition.systemClock());
    private final WorkQueue queue = new WorkQueue();
    private final ExecutorService workers;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final int threads;
    private volatile ApplicationDefinition definition;
    private SharedIndexInformer<GenericKubernetesResource> informer;

    InstanceController(KubernetesClient client, ApplicationDefinition definition, Function<String, TenantContext> tenants,
            Function<String, GenericKubernetesResource> helmReleases, int threads) {
        this.client = client;
        this.kind = CatalogKind.of(definition);
        this.definition = definition;
        this.tenants = tenants;
        this.helmReleases = helmReleases;
        this.threads = threads;
        this.workers = Executors.newFixedThreadPool(threads, r -> new Thread(r, "catalog-" + kind.plural()));
    }

    void start() {
        informer = client.genericKubernetesResources(kind.context()).inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource instance) {
                enqueue(instance);
            }

            @Override
            public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource instance) {
                if (!Objects.equals(old.getMetadata().getGeneration(), instance.getMetadata().getGeneration())) {
                    enqueue(instance);
                }
            }

            @Override
            public void onDelete(GenericKubernetesResource instance, boolean unknownFinalState) {
                // its HelmRelease carries an owner reference: the garbage collector removes it
            }
        });
        for (int i = 0; i < threads; i++) {
            workers.submit(this::work);
        }
        LOG.infof("Reconciling %s instances into HelmReleases", kind.kind());
    }

    /** A changed definition (e.g. a new chart version) moves every instance. */
    void update(ApplicationDefinition changed) {
        ApplicationDefinition previous = definition;
        definition = changed;
        if (!Objects.equals(previous.getMetadata().getGeneration(), changed.getMetadata().getGeneration())) {
            informer.getStore().list().forEach(this::enqueue);
        }
    }

    void enqueue(String namespace, String name) {
        queue.add(Cache.namespaceKeyFunc(namespace, name));
    }

    void enqueueNamespace(String namespace) {
        informer.getStore().list().stream().filter(i -> namespace.equals(i.getMetadata().getNamespace())).forEach(this::enqueue);
    }

    private void enqueue(GenericKubernetesResource instance) {
        enqueue(instance.getMetadata().getNamespace(), instance.getMetadata().getName());
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            String key;
            try {
                key = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                GenericKubernetesResource instance = informer.getStore().getByKey(key);
                if (instance != null && instance.getMetadata().getDeletionTimestamp() == null) {
                    reconcile(instance);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Reconciling %s %s failed, retrying in 2 s: %s", kind.kind(), key, e.getMessage());
                retries.schedule(() -> queue.add(key), 2, TimeUnit.SECONDS);
            } finally {
                queue.done(key);
            }
        }
    }

    /** Applies the instance's HelmRelease and mirrors the HelmRelease's state on the instance. */
    private void reconcile(GenericKubernetesResource instance) {
        String namespace = instance.getMetadata().getNamespace();
        GenericKubernetesResource desired = HelmReleaseFor.instance(instance, definition, tenants.apply(namespace));
        GenericKubernetesResource current = helmReleases.apply(Cache.namespaceKeyFunc(namespace, desired.getMetadata().getName()));
        if (current == null || !SpecHash.matches(current, desired)) {
            current = client.resource(desired).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        }
        updateStatus(instance, current);
    }

    private void updateStatus(GenericKubernetesResource instance, GenericKubernetesResource helmRelease) {
        Object currentStatus = instance.getAdditionalProperties().get("status");
        InstanceStatus status = currentStatus == null ? new InstanceStatus() : JSON.convertValue(currentStatus, InstanceStatus.class);
        statusFrom.update(instance, status, helmRelease);
        @SuppressWarnings("unchecked")
        Map<String, Object> desired = JSON.convertValue(status, Map.class);
        if (!desired.equals(currentStatus)) {
            Map<String, Object> patch = Map.of(
                    "apiVersion", instance.getApiVersion(),
                    "kind", instance.getKind(),
                    "metadata", Map.of("name", instance.getMetadata().getName(), "namespace", instance.getMetadata().getNamespace()),
                    "status", desired);
            client.genericKubernetesResources(kind.context()).inNamespace(instance.getMetadata().getNamespace())
                    .withName(instance.getMetadata().getName()).subresource("status")
                    .patch(STATUS_APPLY, client.getKubernetesSerialization().asJson(patch));
        }
    }

    public boolean hasSynced() {
        return informer != null && informer.hasSynced();
    }

    @Override
    public void close() {
        if (informer != null) {
            informer.close();
        }
        workers.shutdownNow();
        retries.shutdownNow();
        LOG.infof("Stopped reconciling %s instances", kind.kind());
    }
}
