package dev.hearth.tenant;

import java.util.Optional;

import dev.hearth.core.DesiredState;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.kube.ServerSideApply;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * The objects of tenant namespaces as the reconciler's informers see them. An object that already is as desired is
 * left alone, so a reconcile that changes nothing sends no write; the service's own writes are kept from waking the
 * tenant again, while anybody else's change (a hand-deleted RoleBinding, an edited NetworkPolicy) still does.
 */
final class InformedTenantObjects implements TenantObjects {
    private final Context<Tenant> context;
    private final ServerSideApply writes;

    InformedTenantObjects(Context<Tenant> context, ServerSideApply writes) {
        this.context = context;
        this.writes = writes;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void apply(HasMetadata desired) {
        InformerEventSource<HasMetadata, Tenant> source = source((Class<HasMetadata>) desired.getClass());
        Optional<HasMetadata> actual = source.get(ResourceID.fromResource(desired));
        if (actual.isPresent() && DesiredState.satisfiedBy(desired, actual.get())) {
            return;
        }
        source.eventFilteringUpdateAndCacheResource(desired, writes::apply);
    }

    @Override
    public <T extends HasMetadata> Optional<T> current(Class<T> type, String namespace, String name) {
        return source(type).get(new ResourceID(name, namespace));
    }

    /** Sends a delete only for an object the cache holds: a reconcile that changes nothing sends no request. */
    @Override
    public <T extends HasMetadata> void delete(Class<T> type, String namespace, String name) {
        if (current(type, namespace, name).isPresent()) {
            writes.client()
                    .resources(type)
                    .inNamespace(namespace)
                    .withName(name)
                    .delete();
        }
    }

    private <T extends HasMetadata> InformerEventSource<T, Tenant> source(Class<T> type) {
        return (InformerEventSource<T, Tenant>)
                context.eventSourceRetriever().getEventSourceFor(type, TenantEventSources.ownedSourceName(type));
    }
}
