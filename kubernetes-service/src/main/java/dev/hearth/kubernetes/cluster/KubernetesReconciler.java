package dev.hearth.kubernetes.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.core.Labels;
import dev.hearth.core.api.kubernetes.Kubernetes;
import dev.hearth.core.api.kubernetes.KubernetesStatus;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.operator.ServiceReconciler;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.status.StatusWriter;
import dev.hearth.core.tenant.TenantFacts;
import dev.hearth.core.upstream.ClusterApi;
import dev.hearth.core.upstream.Flux;
import dev.hearth.kubernetes.release.ClusterRelease;
import dev.hearth.kubernetes.release.ClusterSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;

/**
 * Turns a {@code Kubernetes} into its Cluster API, Kamaji, KubeVirt and Flux objects: find the tenant, wait for its
 * etcd, check the spec, apply the desired objects, drop the ones no longer wanted, mirror what Cluster API reports.
 */
@ControllerConfiguration(name = "kubernetes")
public class KubernetesReconciler implements ServiceReconciler<Kubernetes>, Cleaner<Kubernetes> {
    private static final String TENANTS = "tenants";
    private static final Duration DELETION_POLL = Duration.ofSeconds(10);

    private final ClusterSettings settings;
    private final ServerSideApply apply;
    private final StatusWriter statusWriter;
    private final UnwantedObjects unwanted;
    private final ReadyCondition ready = ReadyCondition.systemClock();
    private final StatusMirror statusMirror = new StatusMirror(ready);

    public KubernetesReconciler(KubernetesServiceConfig config, ServerSideApply apply, StatusWriter statusWriter) {
        this.settings = config.settings();
        this.apply = apply;
        this.statusWriter = statusWriter;
        this.unwanted = new UnwantedObjects(apply);
    }

    @Override
    public UpdateControl<Kubernetes> reconcile(Kubernetes kubernetes, Context<Kubernetes> context) {
        JsonNode before = StatusWriter.snapshot(kubernetes.getStatus());
        KubernetesStatus status = statusOf(kubernetes);

        // the tenant's facts come from its Namespace, which only tenant-service writes, never from the Tenant status
        Optional<Namespace> tenant =
                tenants(context).get(new ResourceID(kubernetes.getMetadata().getNamespace()));
        if (tenant.isEmpty()) {
            ready.notReady(kubernetes, status, "WaitingForTenant", ClusterProblems.noTenant(kubernetes));
            return write(context, kubernetes, before);
        }
        var release = new ClusterRelease(kubernetes, TenantFacts.of(tenant.get()));
        if (release.tenant().etcd().isEmpty()) {
            ready.notReady(
                    kubernetes,
                    status,
                    "WaitingForDatastore",
                    ClusterProblems.noEtcd(kubernetes.getMetadata().getNamespace(), tenantName(tenant.get())));
            return write(context, kubernetes, before);
        }
        Optional<String> problem = DesiredObjects.problem(release);
        if (problem.isPresent()) {
            ready.notReady(kubernetes, status, "InvalidSpec", problem.get());
            return write(context, kubernetes, before);
        }

        List<HasMetadata> desired = DesiredObjects.of(release, settings);
        apply.applyAll(desired);
        unwanted.prune(release, desired);

        statusMirror.mirror(release, observed(release, desired, context), status);
        return write(context, kubernetes, before);
    }

    @Override
    public DeleteControl cleanup(Kubernetes kubernetes, Context<Kubernetes> context) {
        var release = new ClusterRelease(kubernetes, TenantFacts.NONE);
        Optional<ClusterApi.Cluster> cluster = unwanted.cluster(release);
        if (cluster.isEmpty()) {
            unwanted.deleteRest(release);
            return DeleteControl.defaultDelete();
        }
        // Cluster API deletes the machines (the KubeVirt VMs) first; the control plane must outlive them
        unwanted.deleteCluster(cluster.get());
        JsonNode before = StatusWriter.snapshot(kubernetes.getStatus());
        ready.notReady(kubernetes, statusOf(kubernetes), "Deleting", ClusterProblems.deleting(release, cluster.get()));
        statusWriter.writeIfChanged(context, kubernetes, before);
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(DELETION_POLL.toMillis());
    }

    @Override
    public ErrorStatusUpdateControl<Kubernetes> updateErrorStatus(
            Kubernetes kubernetes, Context<Kubernetes> context, Exception e) {
        return statusWriter.reconcileFailed(
                context,
                kubernetes,
                ready,
                KubernetesReconciler::statusOf,
                "Applying the cluster's objects failed, retrying: ",
                e);
    }

    @Override
    public List<EventSource<?, Kubernetes>> prepareEventSources(EventSourceContext<Kubernetes> context) {
        var tenants = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Namespace.class, Kubernetes.class)
                        .withName(TENANTS)
                        .withLabelSelector(Labels.TENANT)
                        .withSecondaryToPrimaryMapper((Namespace namespace) -> clustersIn(namespace, context))
                        .build(),
                context);
        // MachineSets belong to their MachineDeployment; when one goes, the machine template it used may go too
        var machineSets = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(ClusterApi.MachineSet.class, Kubernetes.class)
                        .withSecondaryToPrimaryMapper(KubernetesReconciler::clusterOf)
                        .build(),
                context);
        return List.of(
                tenants,
                owned(context, ClusterApi.Cluster.class),
                owned(context, ClusterApi.KamajiControlPlane.class),
                owned(context, ClusterApi.MachineDeployment.class),
                // the addons: their state goes into the AddonsReady condition
                owned(context, Flux.HelmRelease.class),
                machineSets);
    }

    /** The Tenant owning a tenant namespace, by the naming rule: tenant-foo-bar is bar's. */
    private static String tenantName(Namespace namespace) {
        String name = namespace.getMetadata().getName();
        return name.substring(name.lastIndexOf('-') + 1);
    }

    private static KubernetesStatus statusOf(Kubernetes kubernetes) {
        if (kubernetes.getStatus() == null) {
            kubernetes.setStatus(new KubernetesStatus());
        }
        return kubernetes.getStatus();
    }

    /** Status is written only when it changed, so that an unchanged cluster causes no write and no new event. */
    private UpdateControl<Kubernetes> write(Context<Kubernetes> context, Kubernetes kubernetes, JsonNode before) {
        statusWriter.writeIfChanged(context, kubernetes, before);
        return UpdateControl.noUpdate();
    }

    private static <R extends GenericKubernetesResource> InformerEventSource<R, Kubernetes> owned(
            EventSourceContext<Kubernetes> context, Class<R> type) {
        return new InformerEventSource<>(
                InformerEventSourceConfiguration.from(type, Kubernetes.class)
                        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(Kubernetes.class))
                        .build(),
                context);
    }

    @SuppressWarnings("unchecked")
    private static InformerEventSource<Namespace, Kubernetes> tenants(Context<Kubernetes> context) {
        return (InformerEventSource<Namespace, Kubernetes>)
                context.eventSourceRetriever().getEventSourceFor(Namespace.class, TENANTS);
    }

    private static StatusMirror.Observed observed(
            ClusterRelease release, List<HasMetadata> desired, Context<Kubernetes> context) {
        return new StatusMirror.Observed(
                named(context, ClusterApi.Cluster.class, release.name()),
                named(context, ClusterApi.KamajiControlPlane.class, release.name()),
                context.getSecondaryResourcesAsStream(ClusterApi.MachineDeployment.class)
                        .map(GenericKubernetesResource.class::cast)
                        .toList(),
                desired.stream()
                        .filter(Flux.HelmRelease.class::isInstance)
                        .map(r -> r.getMetadata().getName())
                        .toList(),
                context.getSecondaryResourcesAsStream(Flux.HelmRelease.class)
                        .collect(Collectors.toMap(r -> r.getMetadata().getName(), r -> (GenericKubernetesResource) r)));
    }

    private static Optional<GenericKubernetesResource> named(
            Context<Kubernetes> context, Class<? extends GenericKubernetesResource> type, String name) {
        return context.getSecondaryResourcesAsStream(type)
                .filter(r -> name.equals(r.getMetadata().getName()))
                .map(GenericKubernetesResource.class::cast)
                .findFirst();
    }

    private static Set<ResourceID> clusterOf(ClusterApi.MachineSet set) {
        var labels = set.getMetadata().getLabels();
        String cluster = labels == null ? null : labels.get(ClusterApi.CLUSTER_NAME_LABEL);
        if (cluster == null || !cluster.startsWith(ClusterRelease.PREFIX)) {
            return Set.of();
        }
        return Set.of(new ResourceID(
                cluster.substring(ClusterRelease.PREFIX.length()),
                set.getMetadata().getNamespace()));
    }

    private static Set<ResourceID> clustersIn(Namespace namespace, EventSourceContext<Kubernetes> context) {
        return context.getPrimaryCache()
                .list(namespace.getMetadata().getName())
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }
}
