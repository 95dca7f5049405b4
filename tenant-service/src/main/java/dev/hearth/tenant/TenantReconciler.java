package dev.hearth.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import dev.hearth.core.Labels;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.tenant.TenantQuotaStatus;
import dev.hearth.core.api.tenant.TenantStatus;
import dev.hearth.core.informer.WithoutManagedFields;
import dev.hearth.core.naming.InvalidTenantNameException;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.tenant.deletion.TenantDeletion;
import dev.hearth.tenant.lineage.TenantPlacement;
import dev.hearth.tenant.lineage.TenantTree;
import dev.hearth.tenant.modules.TenantModuleInstances;
import dev.hearth.tenant.quota.QuotaBudget;
import dev.hearth.tenant.quota.SiblingAdmissions;
import dev.hearth.tenant.quota.TenantQuota;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * Tenant → its namespace with RBAC, network policies and quota; status says where it sits and what it inherits.
 * Deletion removes child tenants first, then the namespace.
 */
@ControllerConfiguration(
        name = "tenant",
        fieldManager = ServerSideApply.FIELD_MANAGER,
        informer = @Informer(itemStore = WithoutManagedFields.class))
public class TenantReconciler implements Reconciler<Tenant>, Cleaner<Tenant> {
    private static final long DELETION_RETRY_MILLIS = 3_000;
    private static final long MODULE_KIND_RETRY_MILLIS = 5_000;
    static final String MODULES_READY = "ModulesReady";
    private static final String RELATED_TENANTS = "related-tenants";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    @Inject
    RootTenant root;

    @Inject
    TenantResources resources;

    @Inject
    TenantDeletion deletion;

    @Inject
    TenantEvents events;

    @Inject
    TenantModuleInstances modules;

    @Inject
    SiblingAdmissions admissions;

    private final ReadyCondition ready = ReadyCondition.systemClock();

    @Override
    public List<EventSource<?, Tenant>> prepareEventSources(EventSourceContext<Tenant> context) {
        TenantTree tree = new TenantTree(context.getPrimaryCache());
        var related = InformerEventSourceConfiguration.from(Tenant.class, Tenant.class)
                .withName(RELATED_TENANTS)
                .withItemStore(new WithoutManagedFields<>())
                .withSecondaryToPrimaryMapper(
                        changed -> tree.dependentsOf(changed).collect(Collectors.toSet()))
                .build();
        return List.of(
                new InformerEventSource<>(related, context),
                owned(Namespace.class, context),
                owned(RoleBinding.class, context),
                owned(NetworkPolicy.class, context),
                owned(ServiceAccount.class, context),
                owned(ResourceQuota.class, context),
                owned(LimitRange.class, context));
    }

    /**
     * Watches what the service created in tenant namespaces (and those namespaces themselves), so that a hand-deleted
     * or hand-edited object brings a reconcile of its tenant (found by the naming rule), which applies it again.
     * tenant-root has no Tenant object: there the root is applied again instead.
     */
    private <R extends HasMetadata> EventSource<R, Tenant> owned(Class<R> type, EventSourceContext<Tenant> context) {
        Function<R, String> tenantNamespaceOf = type == Namespace.class
                ? o -> o.getMetadata().getName()
                : o -> o.getMetadata().getNamespace();
        var configuration = InformerEventSourceConfiguration.from(type, Tenant.class)
                .withName(InformedTenantObjects.sourceName(type))
                .withItemStore(new WithoutManagedFields<>())
                .withLabelSelector(Labels.MANAGED_BY + "=" + Labels.managedBy(TenantPlacement.SERVICE_NAME))
                .withSecondaryToPrimaryMapper(object -> {
                    String namespace = tenantNamespaceOf.apply(object);
                    if (TenantNamespaceName.ROOT.equals(namespace)) {
                        root.ensureSoon();
                    }
                    return TenantTree.ownerOf(namespace).map(Set::of).orElse(Set.of());
                })
                .build();
        return new InformerEventSource<>(configuration, context);
    }

    @Override
    public UpdateControl<Tenant> reconcile(Tenant tenant, Context<Tenant> context) {
        TenantTree tree = new TenantTree(context.getPrimaryCache());
        TenantStatus status = keepingIdentity(tenant.getStatus());

        Optional<Tenant> parentTenant = newestParentOf(tenant, context);
        Optional<TenantPlacement> parent = parentPlacement(tenant, parentTenant);
        if (parent.isEmpty()) {
            ready.notReady(
                    tenant,
                    status,
                    "WaitingForParent",
                    "Waiting for the parent tenant owning namespace "
                            + tenant.getMetadata().getNamespace() + " to be ready");
            return report(tenant, status, context);
        }
        TenantPlacement placement;
        try {
            placement = TenantPlacement.childOf(parent.get(), tenant);
        } catch (InvalidTenantNameException e) {
            ready.notReady(tenant, status, "InvalidName", e.getMessage());
            return report(tenant, status, context);
        }
        Map<String, Quantity> quota = tenant.getSpec().resourceQuotas;
        Map<String, Quantity> parentQuota =
                parentTenant.map(p -> p.getSpec().resourceQuotas).orElse(Map.of());
        Optional<String> overBudget =
                admissions.admit(parent.get().namespace(), parentQuota, tenant, tree.siblingsOf(tenant));
        if (overBudget.isPresent()) {
            ready.notReady(tenant, status, "QuotaExceeded", overBudget.get());
            return report(tenant, status, context);
        }

        TenantObjects objects = new InformedTenantObjects(context);
        resources.apply(placement, quota, objects);
        List<String> waitingForKinds = modules.converge(placement, tenant.getSpec());

        describe(status, placement, quota, tree, objects);
        ready.ready(
                tenant,
                status,
                "NamespaceReady",
                "Namespace " + placement.namespace() + " is ready with its RBAC"
                        + (quota.isEmpty() ? " and network policies" : ", network policies and quota"));
        describeModules(tenant, status, waitingForKinds);
        UpdateControl<Tenant> control = report(tenant, status, context);
        // no event tells when apps-catalog starts serving a kind: look again
        return waitingForKinds.isEmpty() ? control : control.rescheduleAfter(MODULE_KIND_RETRY_MILLIS);
    }

    @Override
    public DeleteControl cleanup(Tenant tenant, Context<Tenant> context) {
        Optional<String> namespace = ownNamespace(tenant);
        if (namespace.isEmpty()) {
            return DeleteControl.defaultDelete();
        }
        List<String> blockedBy = deletion.advance(
                namespace.get(), new TenantTree(context.getPrimaryCache()).childrenIn(namespace.get()));
        if (blockedBy.isEmpty()) {
            events.normal(tenant, "Deleted", "Deleted namespace " + namespace.get() + " and every child tenant");
            return DeleteControl.defaultDelete();
        }
        TenantStatus current = tenant.getStatus() == null ? new TenantStatus() : tenant.getStatus();
        if (!blockedBy.equals(current.blockedBy)) {
            events.normal(tenant, "Deleting", String.join("; ", blockedBy));
            TenantStatus status = copy(current);
            status.blockedBy = blockedBy;
            ready.notReady(tenant, status, "Deleting", "Deleting: waiting for " + String.join("; ", blockedBy));
            applyStatus(tenant, status, context);
        }
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(DELETION_RETRY_MILLIS);
    }

    /**
     * The parent as the newest of the two Tenant caches has it: the primary cache and the related-tenants informer
     * each run their own watch, and a child woken by a parent's change must see at least that change (a host or
     * services change would otherwise be missed until the next one).
     */
    private static Optional<Tenant> newestParentOf(Tenant tenant, Context<Tenant> context) {
        String namespace = tenant.getMetadata().getNamespace();
        return TenantTree.ownerOf(namespace)
                .flatMap(id -> newest(
                        context.getPrimaryCache().get(id),
                        relatedTenants(context).get(id)))
                .filter(parent -> TenantTree.owns(parent, namespace));
    }

    private static Optional<Tenant> newest(Optional<Tenant> a, Optional<Tenant> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return resourceVersion(a.get()) >= resourceVersion(b.get()) ? a : b;
    }

    /** Resource versions are opaque to clients, but the API server's (etcd revisions) grow; unparsable ones count as oldest. */
    private static long resourceVersion(Tenant tenant) {
        try {
            return Long.parseLong(tenant.getMetadata().getResourceVersion());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @SuppressWarnings("unchecked")
    private static InformerEventSource<Tenant, Tenant> relatedTenants(Context<Tenant> context) {
        return (InformerEventSource<Tenant, Tenant>)
                context.eventSourceRetriever().getEventSourceFor(Tenant.class, RELATED_TENANTS);
    }

    private Optional<TenantPlacement> parentPlacement(Tenant tenant, Optional<Tenant> parentTenant) {
        String namespace = tenant.getMetadata().getNamespace();
        if (TenantNamespaceName.ROOT.equals(namespace)) {
            return Optional.of(root.placement());
        }
        return parentTenant.map(parent -> new TenantPlacement(
                parent.getStatus().namespace,
                TenantNamespaceName.parentOf(parent.getStatus().namespace).orElse(null),
                parent.getStatus().path,
                parent.getStatus().host,
                parent.getStatus().services));
    }

    /** The namespace this tenant may own; computed from its name when a crash lost it from the status. */
    private static Optional<String> ownNamespace(Tenant tenant) {
        if (tenant.getStatus() != null && tenant.getStatus().namespace != null) {
            return Optional.of(tenant.getStatus().namespace);
        }
        try {
            return Optional.of(TenantNamespaceName.of(
                    tenant.getMetadata().getNamespace(), tenant.getMetadata().getName()));
        } catch (InvalidTenantNameException e) {
            return Optional.empty();
        }
    }

    private static void describe(
            TenantStatus status,
            TenantPlacement placement,
            Map<String, Quantity> quota,
            TenantTree tree,
            TenantObjects objects) {
        status.namespace = placement.namespace();
        status.path = new ArrayList<>(placement.path());
        status.host = placement.host();
        status.services = placement.services();
        Map<String, Quantity> allocated = QuotaBudget.sum(tree.childrenIn(placement.namespace()).stream()
                .filter(TenantTree::admitted)
                .map(child -> child.getSpec().resourceQuotas)
                .toList());
        if (quota.isEmpty() && allocated.isEmpty()) {
            status.quota = null;
        } else {
            status.quota = new TenantQuotaStatus();
            status.quota.hard = new TreeMap<>(quota);
            status.quota.used =
                    TenantQuota.usedAsDeclared(quota, TenantResources.quotaUsed(placement.namespace(), objects));
            status.quota.allocatedToChildren = allocated;
        }
    }

    /** A module whose kind is not served yet is waited for, not a failure: the tenant works without it meanwhile. */
    private void describeModules(Tenant tenant, TenantStatus status, List<String> waitingForKinds) {
        if (waitingForKinds.isEmpty()) {
            ready.set(
                    tenant,
                    status,
                    MODULES_READY,
                    ReadyCondition.TRUE,
                    "ModulesApplied",
                    "Every requested tenant module is applied");
        } else {
            ready.set(
                    tenant,
                    status,
                    MODULES_READY,
                    ReadyCondition.FALSE,
                    "WaitingForKind",
                    "Waiting for apps-catalog to serve the kinds " + String.join(", ", waitingForKinds)
                            + " (apps.hearth.dev/v1alpha1) to run this tenant's modules; the tenant works meanwhile");
        }
    }

    /** Patches the status only when it changed, with an Event when the Ready reason changes. */
    private UpdateControl<Tenant> report(Tenant tenant, TenantStatus status, Context<Tenant> context) {
        TenantStatus previous = tenant.getStatus();
        if (previous != null && JSON.asJson(previous).equals(JSON.asJson(status))) {
            return UpdateControl.noUpdate();
        }
        applyStatus(tenant, status, context);
        var condition =
                ReadyCondition.find(status.conditions, ReadyCondition.TYPE).orElseThrow();
        String previousReason = previous == null
                ? null
                : ReadyCondition.find(previous.conditions, ReadyCondition.TYPE)
                        .map(c -> c.getReason())
                        .orElse(null);
        if (!Objects.equals(previousReason, condition.getReason())) {
            if (ReadyCondition.TRUE.equals(condition.getStatus())) {
                events.normal(tenant, condition.getReason(), condition.getMessage());
            } else {
                events.warning(tenant, condition.getReason(), condition.getMessage());
            }
        }
        return UpdateControl.noUpdate();
    }

    /** Server-side applies the whole status, so that fields which no longer apply disappear. */
    private static void applyStatus(Tenant tenant, TenantStatus status, Context<Tenant> context) {
        Tenant desired = new Tenant();
        desired.getMetadata().setName(tenant.getMetadata().getName());
        desired.getMetadata().setNamespace(tenant.getMetadata().getNamespace());
        desired.setStatus(status);
        context.resourceOperations().serverSideApplyPrimaryStatus(desired);
    }

    /**
     * A fresh status that keeps the conditions (for their transition times) and the namespace the tenant already
     * holds: a tenant refused after a change keeps its namespace, a new one refused gets none.
     */
    private static TenantStatus keepingIdentity(TenantStatus current) {
        TenantStatus status = new TenantStatus();
        if (current != null) {
            status.conditions = new ArrayList<>(current.conditions);
            status.namespace = current.namespace;
            status.path = new ArrayList<>(current.path);
            status.host = current.host;
            status.services = current.services;
            status.quota = current.quota;
        }
        return status;
    }

    private static TenantStatus copy(TenantStatus status) {
        return JSON.unmarshal(JSON.asJson(status), TenantStatus.class);
    }
}
