package dev.hearth.catalog.definition;

import java.time.Duration;

import jakarta.inject.Inject;

import dev.hearth.catalog.instance.InstanceControllers;
import dev.hearth.catalog.instance.ServiceUserAgent;
import dev.hearth.core.api.catalog.ApplicationDefinition;
import dev.hearth.core.api.catalog.ApplicationDefinitionStatus;
import dev.hearth.core.status.ReadyCondition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * An ApplicationDefinition becomes a served kind: its CRD is applied and a controller turns the kind's instances into
 * HelmReleases. Kinds a dedicated service reconciles ({@code managedBy}) only appear in the catalog. Deleting a
 * definition stops its controller but keeps the CRD and every instance.
 */
@ControllerConfiguration(name = "application-definition")
public class ApplicationDefinitionReconciler
        implements Reconciler<ApplicationDefinition>, Cleaner<ApplicationDefinition> {
    @Inject
    KubernetesClient client;

    @Inject
    InstanceControllers controllers;

    private final ReadyCondition conditions = ReadyCondition.systemClock();

    @Override
    public UpdateControl<ApplicationDefinition> reconcile(
            ApplicationDefinition definition, Context<ApplicationDefinition> context) {
        ApplicationDefinitionStatus status = statusOf(definition);
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
            return UpdateControl.patchStatus(definition);
        }
        CustomResourceDefinition crd;
        try {
            crd = client.resource(CrdFor.definition(definition))
                    .fieldManager(ServiceUserAgent.FIELD_MANAGER)
                    .forceConflicts()
                    .serverSideApply();
        } catch (InvalidDefinitionException e) {
            conditions.notReady(definition, status, "InvalidSchema", e.getMessage());
            return UpdateControl.patchStatus(definition);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 422 && e.getCode() != 400) {
                throw e;
            }
            conditions.notReady(
                    definition,
                    status,
                    "InvalidSchema",
                    "The API server refused the CRD of " + kind.kind() + ": "
                            + (e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage()));
            return UpdateControl.patchStatus(definition);
        }
        status.crd = kind.crdName();
        if (!established(crd)) {
            conditions.notReady(
                    definition, status, "CrdPending", "Waiting for the API server to serve " + kind.crdName());
            return UpdateControl.patchStatus(definition).rescheduleAfter(Duration.ofSeconds(1));
        }
        controllers.ensureRunning(definition);
        var chart = definition.getSpec().release.chart;
        conditions.ready(
                definition,
                status,
                "Serving",
                kind.kind() + " instances become HelmReleases of chart " + chart.name + " " + chart.version);
        return UpdateControl.patchStatus(definition);
    }

    @Override
    public DeleteControl cleanup(ApplicationDefinition definition, Context<ApplicationDefinition> context) {
        controllers.stop(CatalogKind.of(definition).kind());
        return DeleteControl.defaultDelete();
    }

    private static ApplicationDefinitionStatus statusOf(ApplicationDefinition definition) {
        if (definition.getStatus() == null) {
            definition.setStatus(new ApplicationDefinitionStatus());
        }
        return definition.getStatus();
    }

    private static boolean established(CustomResourceDefinition crd) {
        return crd.getStatus() != null
                && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
