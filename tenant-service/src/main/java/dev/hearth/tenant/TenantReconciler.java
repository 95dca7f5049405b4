package dev.hearth.tenant;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.tenant.TenantStatus;
import dev.hearth.core.events.EventRecorder;
import dev.hearth.core.informer.WithoutManagedFields;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.naming.InvalidTenantNameException;
import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.core.operator.ServiceReconciler;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.status.StatusWriter;
import dev.hearth.tenant.deletion.TenantDeletion;
import dev.hearth.tenant.identity.KeycloakGroups;
import dev.hearth.tenant.lineage.TenantPlacement;
import dev.hearth.tenant.lineage.TenantTree;
import dev.hearth.tenant.modules.TenantModule;
import dev.hearth.tenant.modules.TenantModuleInstances;
import dev.hearth.tenant.network.NetworkConfig;
import dev.hearth.tenant.network.TenantNetwork;
import dev.hearth.tenant.quota.QuotaBudget;
import dev.hearth.tenant.quota.SiblingAdmissions;
import io.fabric8.kubernetes.api.model.Quantity;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;

/**
 * Tenant → its namespace with RBAC, network policies, quota and modules; status says where it sits and what it
 * inherits. Deletion removes child tenants first, then the namespace.
 */
@ControllerConfiguration(
        name = "tenant",
        // status changes count too, unless they are the service's own writes: see TenantStatusTamper
        generationAwareEventProcessing = false,
        informer = @Informer(itemStore = WithoutManagedFields.class, onUpdateFilter = TenantStatusTamper.class))
public class TenantReconciler implements ServiceReconciler<Tenant>, Cleaner<Tenant> {
    private static final long DELETION_RETRY_MILLIS = 3_000;
    private static final long MODULE_KIND_RETRY_MILLIS = 5_000;
    private static final long GROUPS_RETRY_MILLIS = 30_000;

    @Inject
    RootTenant root;

    @Inject
    TenantConfig config;

    @Inject
    NetworkConfig networkConfig;

    @Inject
    TenantResources resources;

    @Inject
    TenantKubeconfigs kubeconfigs;

    @Inject
    TenantModuleInstances modules;

    @Inject
    TenantDeletion deletion;

    @Inject
    KeycloakGroups groups;

    @Inject
    SiblingAdmissions admissions;

    @Inject
    ServerSideApply writes;

    @Inject
    StatusWriter statusWriter;

    @Inject
    EventRecorder events;

    private final ReadyCondition ready = ReadyCondition.systemClock();

    @Override
    public List<EventSource<?, Tenant>> prepareEventSources(EventSourceContext<Tenant> context) {
        return TenantEventSources.of(context, root);
    }

    @Override
    public UpdateControl<Tenant> reconcile(Tenant tenant, Context<Tenant> context) {
        TenantTree tree = TenantEventSources.relatedTenants(context);
        TenantStatus previous = tenant.getStatus();
        TenantStatus status = TenantStatuses.keepingIdentity(previous);

        String namespace = tenant.getMetadata().getNamespace();
        if (!TenantNamespaceName.isTenantNamespace(namespace)) {
            ready.notReady(tenant, status, "NotInTenantNamespace", notInTenantNamespace(namespace));
            return report(tenant, previous, status, context);
        }
        Optional<Tenant> parentTenant = TenantParents.newestParentOf(tenant, context);
        Optional<TenantPlacement> parent = TenantParents.parentPlacement(tenant, parentTenant, root.placement());
        if (parent.isEmpty()) {
            ready.notReady(
                    tenant,
                    status,
                    "WaitingForParent",
                    "Waiting for the parent tenant owning namespace " + namespace + " to be ready");
            return report(tenant, previous, status, context);
        }
        TenantPlacement placement;
        try {
            placement = TenantPlacement.childOf(parent.get(), tenant);
        } catch (InvalidTenantNameException e) {
            ready.notReady(tenant, status, "InvalidName", e.getMessage());
            return report(tenant, previous, status, context);
        }
        Map<String, Quantity> quota = tenant.getSpec().resourceQuotas;
        Map<String, Quantity> parentQuota =
                parentTenant.map(p -> p.getSpec().resourceQuotas).orElse(Map.of());
        Map<String, Quantity> parentUsed = parentTenant
                .map(p -> p.getStatus().quota == null ? Map.<String, Quantity>of() : p.getStatus().quota.used)
                .orElse(Map.of());
        Optional<String> overBudget =
                admissions.admit(parent.get().namespace(), parentQuota, parentUsed, tenant, tree.siblingsOf(tenant));
        if (overBudget.isPresent()) {
            ready.notReady(tenant, status, "QuotaExceeded", overBudget.get());
            return report(tenant, previous, status, context);
        }

        TenantObjects objects = new InformedTenantObjects(context, writes);
        TenantNetwork network =
                TenantNetwork.of(TenantResources.namespaces(placement.path(), objects), networkConfig.apiServerCidrs());
        Map<String, Quantity> allocated = allocatedToChildren(tree, placement);
        // the namespace's own ResourceQuota keeps what the tenant has not given its children
        TenantObjectsFor desired = TenantObjectsFor.desired(
                placement,
                network,
                QuotaBudget.keptByParent(quota, allocated),
                config.groupPrefix().orElse(""),
                TenantModule.requestedBy(tenant.getSpec()),
                kubeconfigs.settings());
        resources.apply(desired, objects);
        List<String> waitingForKinds = modules.converge(placement.namespace(), desired.modules());
        Optional<String> groupsFailure = groups.ensure(placement.namespace());

        TenantStatuses.describe(
                status, placement, quota, TenantResources.quotaUsed(placement.namespace(), objects), allocated);
        TenantStatuses.namespaceReady(ready, tenant, status, placement, !quota.isEmpty());
        TenantStatuses.describeModules(ready, tenant, status, waitingForKinds);
        if (groups.enabled()) {
            TenantStatuses.describeGroups(ready, tenant, status, groupsFailure);
        }
        UpdateControl<Tenant> control = report(tenant, previous, status, context);
        // no event tells when apps-catalog starts serving a kind, or when Keycloak is back: look again
        if (!waitingForKinds.isEmpty()) {
            return control.rescheduleAfter(MODULE_KIND_RETRY_MILLIS);
        }
        return groupsFailure.isEmpty() ? control : control.rescheduleAfter(GROUPS_RETRY_MILLIS);
    }

    @Override
    public DeleteControl cleanup(Tenant tenant, Context<Tenant> context) {
        Optional<String> namespace = TenantParents.ownNamespace(tenant);
        if (namespace.isEmpty()) {
            return DeleteControl.defaultDelete();
        }
        List<String> blockedBy = deletion.advance(
                namespace.get(), TenantEventSources.relatedTenants(context).childrenIn(namespace.get()));
        if (blockedBy.isEmpty()) {
            // a group left behind grants nothing (no RoleBinding names it any more): say so, never hold the deletion
            groups.remove(namespace.get()).ifPresent(failure -> events.warning(tenant, "GroupsNotDeleted", failure));
            TenantStatusTamper.forget(tenant);
            events.normal(tenant, "Deleted", "Deleted namespace " + namespace.get() + " and every child tenant");
            return DeleteControl.defaultDelete();
        }
        TenantStatus current = tenant.getStatus() == null ? new TenantStatus() : tenant.getStatus();
        if (!blockedBy.equals(current.blockedBy)) {
            events.normal(tenant, "Deleting", String.join("; ", blockedBy));
            JsonNode before = StatusWriter.snapshot(tenant.getStatus());
            tenant.setStatus(TenantStatuses.deleting(ready, tenant, current, blockedBy));
            TenantStatusTamper.computed(tenant);
            statusWriter.writeIfChanged(context, tenant, before);
        }
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(DELETION_RETRY_MILLIS);
    }

    /** What the admitted children of the tenant hold of its quota. */
    private static Map<String, Quantity> allocatedToChildren(TenantTree tree, TenantPlacement placement) {
        return QuotaBudget.sum(tree.childrenIn(placement.namespace()).stream()
                .filter(TenantTree::admitted)
                .map(child -> child.getSpec().resourceQuotas)
                .toList());
    }

    static String notInTenantNamespace(String namespace) {
        return "Namespace " + namespace + " belongs to no tenant: a Tenant is created in the namespace of its parent"
                + " tenant (" + TenantNamespaceName.ROOT + " or a tenant-<path> namespace); create it there instead";
    }

    /** Writes the status only when it changed, with an Event when the Ready reason changes. */
    private UpdateControl<Tenant> report(
            Tenant tenant, TenantStatus previous, TenantStatus status, Context<Tenant> context) {
        JsonNode before = StatusWriter.snapshot(previous);
        tenant.setStatus(status);
        TenantStatusTamper.computed(tenant);
        if (statusWriter.writeIfChanged(context, tenant, before)) {
            events.readyTransition(tenant, previous, status);
        }
        return UpdateControl.noUpdate();
    }
}
