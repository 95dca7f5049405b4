package dev.hearth.catalog.definition;

import java.time.Duration;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.catalog.instance.InstanceControllers;
import dev.hearth.catalog.kind.CatalogKind;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.api.catalog.ApplicationDefinitionStatus;
import dev.hearth.core.kube.Crds;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.operator.ServiceReconciler;
import dev.hearth.core.status.Failures;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.status.StatusWriter;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * An ApplicationDefinition becomes a served kind: its CRD is applied and a controller turns the kind's instances into
 * HelmReleases. Kinds a dedicated service reconciles ({@code managedBy}) only appear in the catalog. Deleting a
 * definition stops its controller but keeps the CRD and every instance.
 */
@ControllerConfiguration(name = "application-definition")
public class ApplicationDefinitionReconciler
        implements ServiceReconciler<ApplicationDefinition>, Cleaner<ApplicationDefinition> {
    private static final Duration CRD_PENDING_RECHECK = Duration.ofSeconds(1);

    @Inject
    ServerSideApply apply;

    @Inject
    StatusWriter statusWriter;

    @Inject
    InstanceControllers controllers;

    private final ReadyCondition conditions = ReadyCondition.systemClock();

    @Override
    public UpdateControl<ApplicationDefinition> reconcile(
            ApplicationDefinition definition, Context<ApplicationDefinition> context) {
        JsonNode before = StatusWriter.snapshot(definition.getStatus());
        boolean settled = serve(definition, statusOf(definition));
        statusWriter.writeIfChanged(context, definition, before);
        UpdateControl<ApplicationDefinition> done = UpdateControl.noUpdate();
        return settled ? done : done.rescheduleAfter(CRD_PENDING_RECHECK);
    }

    @Override
    public ErrorStatusUpdateControl<ApplicationDefinition> updateErrorStatus(
            ApplicationDefinition definition, Context<ApplicationDefinition> context, Exception e) {
        return statusWriter.reconcileFailed(
                context, definition, conditions, ApplicationDefinitionReconciler::statusOf, "", e);
    }

    @Override
    public DeleteControl cleanup(ApplicationDefinition definition, Context<ApplicationDefinition> context) {
        controllers.stop(CatalogKind.of(definition).kind());
        return DeleteControl.defaultDelete();
    }

    /**
     * Serves the definition's kind (its CRD, then its instance controller) and says so in {@code status}; false while
     * the API server does not serve the CRD yet.
     */
    private boolean serve(ApplicationDefinition definition, ApplicationDefinitionStatus status) {
        CatalogKind kind = CatalogKind.of(definition);
        if (definition.getSpec().managedBy != null) {
            conditions.ready(
                    definition,
                    status,
                    "ManagedByService",
                    kind.kind() + " is reconciled by "
                            + definition
                                    .getSpec()
                                    .managedBy
                                    .name()
                                    .toLowerCase()
                                    .replace('_', '-'));
            return true;
        }
        CustomResourceDefinition crd;
        try {
            crd = apply.apply(CrdFor.desired(definition, apply.fieldManager()));
        } catch (InvalidDefinitionException e) {
            conditions.notReady(definition, status, "InvalidSchema", e.getMessage());
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() != 422 && e.getCode() != 400) {
                throw e;
            }
            conditions.notReady(
                    definition,
                    status,
                    "InvalidSchema",
                    "The API server refused the CRD of " + kind.kind() + ": " + Failures.message(e));
            return true;
        }
        status.crd = kind.crdName();
        if (!Crds.established(crd)) {
            conditions.notReady(
                    definition, status, "CrdPending", "Waiting for the API server to serve " + kind.crdName());
            return false;
        }
        controllers.ensureRunning(definition);
        var chart = definition.getSpec().release.chart;
        conditions.ready(
                definition,
                status,
                "Serving",
                kind.kind() + " instances become HelmReleases of chart " + chart.name + " " + chart.version);
        return true;
    }

    private static ApplicationDefinitionStatus statusOf(ApplicationDefinition definition) {
        if (definition.getStatus() == null) {
            definition.setStatus(new ApplicationDefinitionStatus());
        }
        return definition.getStatus();
    }
}
