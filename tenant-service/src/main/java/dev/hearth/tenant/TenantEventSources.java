package dev.hearth.tenant;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.hearth.core.Labels;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.informer.WithoutManagedFields;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.tenant.lineage.TenantPlacement;
import dev.hearth.tenant.lineage.TenantTree;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/** What wakes a tenant's reconcile besides its own changes: related tenants and the objects the service owns. */
final class TenantEventSources {
    static final String RELATED_TENANTS = "related-tenants";

    private TenantEventSources() {}

    static List<EventSource<?, Tenant>> of(EventSourceContext<Tenant> context, RootTenant root) {
        TenantTree tree = new TenantTree(context.getPrimaryCache());
        var related = InformerEventSourceConfiguration.from(Tenant.class, Tenant.class)
                .withName(RELATED_TENANTS)
                .withItemStore(new WithoutManagedFields<>())
                .withSecondaryToPrimaryMapper(
                        changed -> tree.dependentsOf(changed).collect(Collectors.toSet()))
                .build();
        return List.of(
                new InformerEventSource<>(related, context),
                // a namespace's annotations reach the policies of every tenant below it (internet egress)
                owned(Namespace.class, context, root, tree::below),
                owned(RoleBinding.class, context, root, none -> Stream.empty()),
                owned(NetworkPolicy.class, context, root, none -> Stream.empty()),
                owned(ServiceAccount.class, context, root, none -> Stream.empty()),
                owned(ResourceQuota.class, context, root, none -> Stream.empty()),
                owned(LimitRange.class, context, root, none -> Stream.empty()),
                owned(Secret.class, context, root, none -> Stream.empty()),
                owned(Role.class, context, root, none -> Stream.empty()));
    }

    /**
     * The tenant tree as the related-tenants informer sees it. A reconcile woken by that informer reads the change
     * that woke it there; the primary cache may not have it yet, and its later event wakes only the changed Tenant
     * (a parent would keep an allocation without its newest child until the next resync).
     */
    static TenantTree relatedTenants(Context<Tenant> context) {
        @SuppressWarnings("unchecked")
        var related = (InformerEventSource<Tenant, Tenant>)
                context.eventSourceRetriever().getEventSourceFor(Tenant.class, RELATED_TENANTS);
        return new TenantTree(related);
    }

    /** The name of the informer of the owned objects of {@code type}. */
    static String ownedSourceName(Class<?> type) {
        return "owned-" + type.getSimpleName();
    }

    /**
     * Watches what the service created in tenant namespaces (and those namespaces themselves), so that a hand-deleted
     * or hand-edited object brings a reconcile of its tenant (found by the naming rule), which applies it again.
     * tenant-root has no Tenant object: there the root is applied again instead. {@code alsoWoken} names the other
     * tenants the change of an object in a tenant namespace concerns.
     */
    private static <R extends HasMetadata> EventSource<R, Tenant> owned(
            Class<R> type,
            EventSourceContext<Tenant> context,
            RootTenant root,
            Function<String, Stream<ResourceID>> alsoWoken) {
        Function<R, String> tenantNamespaceOf = type == Namespace.class
                ? o -> o.getMetadata().getName()
                : o -> o.getMetadata().getNamespace();
        var configuration = InformerEventSourceConfiguration.from(type, Tenant.class)
                .withName(ownedSourceName(type))
                .withItemStore(new WithoutManagedFields<>())
                .withLabelSelector(Labels.MANAGED_BY + "=" + Labels.managedBy(TenantPlacement.SERVICE_NAME))
                .withSecondaryToPrimaryMapper(object -> {
                    String namespace = tenantNamespaceOf.apply(object);
                    if (TenantNamespaceName.ROOT.equals(namespace)) {
                        root.ensureSoon();
                    }
                    return Stream.concat(TenantTree.ownerOf(namespace).stream(), alsoWoken.apply(namespace))
                            .collect(Collectors.toSet());
                })
                .build();
        return new InformerEventSource<>(configuration, context);
    }
}
