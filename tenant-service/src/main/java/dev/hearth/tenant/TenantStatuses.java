package dev.hearth.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.api.tenant.TenantQuotaStatus;
import dev.hearth.core.api.tenant.TenantStatus;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.tenant.identity.TenantGroupNames;
import dev.hearth.tenant.lineage.TenantPlacement;
import dev.hearth.tenant.quota.ResourceQuotaFor;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The status of a Tenant, assembled from what the reconcile found and did. Pure. */
final class TenantStatuses {
    static final String MODULES_READY = "ModulesReady";
    static final String GROUPS_READY = "GroupsReady";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private TenantStatuses() {}

    /**
     * A fresh status that keeps the conditions (for their transition times) and the namespace the tenant already
     * holds: a tenant refused after a change keeps its namespace, a new one refused gets none.
     */
    static TenantStatus keepingIdentity(TenantStatus current) {
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

    /**
     * Where the tenant sits and what it inherits, and its quota: declared, used (under the declared keys) and
     * allocated to its admitted children.
     */
    static void describe(
            TenantStatus status,
            TenantPlacement placement,
            Map<String, Quantity> quota,
            Map<String, Quantity> used,
            Map<String, Quantity> allocated) {
        status.namespace = placement.namespace();
        status.path = new ArrayList<>(placement.path());
        status.host = placement.host();
        status.services = placement.services();
        if (quota.isEmpty() && allocated.isEmpty()) {
            status.quota = null;
        } else {
            status.quota = new TenantQuotaStatus();
            status.quota.hard = new TreeMap<>(quota);
            status.quota.used = ResourceQuotaFor.usedAsDeclared(quota, used);
            status.quota.allocatedToChildren = allocated;
        }
    }

    /** Ready once the namespace holds everything the tenant needs. */
    static void namespaceReady(
            ReadyCondition ready, Tenant tenant, TenantStatus status, TenantPlacement placement, boolean quota) {
        ready.ready(
                tenant,
                status,
                "NamespaceReady",
                "Namespace " + placement.namespace() + " is ready with its RBAC"
                        + (quota ? ", network policies and quota" : " and network policies"));
    }

    /** A module whose kind is not served yet is waited for, not a failure: the tenant works without it meanwhile. */
    static void describeModules(
            ReadyCondition ready, Tenant tenant, TenantStatus status, List<String> waitingForKinds) {
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

    /** The tenant's Keycloak groups: a failure is reported, never a reason for the tenant not to be Ready. */
    static void describeGroups(ReadyCondition ready, Tenant tenant, TenantStatus status, Optional<String> failure) {
        if (failure.isEmpty()) {
            ready.set(
                    tenant,
                    status,
                    GROUPS_READY,
                    ReadyCondition.TRUE,
                    "GroupsInKeycloak",
                    "Keycloak has the groups " + String.join(", ", TenantGroupNames.of(status.namespace)));
        } else {
            ready.set(tenant, status, GROUPS_READY, ReadyCondition.FALSE, "KeycloakUnavailable", failure.get());
        }
    }

    /** The status while deletion waits for {@code blockedBy}. */
    static TenantStatus deleting(ReadyCondition ready, Tenant tenant, TenantStatus current, List<String> blockedBy) {
        TenantStatus status = JSON.unmarshal(JSON.asJson(current), TenantStatus.class);
        status.blockedBy = blockedBy;
        ready.notReady(tenant, status, "Deleting", "Deleting: waiting for " + String.join("; ", blockedBy));
        return status;
    }
}
