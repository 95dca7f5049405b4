package dev.hearth.kubernetes.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.hearth.core.api.kubernetes.Kubernetes;
import dev.hearth.core.api.kubernetes.KubernetesStatus;
import dev.hearth.core.api.tenant.Tenant;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.kubernetes.cluster.observed.ClusterApiCluster;
import dev.hearth.kubernetes.cluster.observed.KamajiControlPlane;
import dev.hearth.kubernetes.cluster.observed.MachineDeployment;
import dev.hearth.kubernetes.cluster.observed.MachineSet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
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
public class KubernetesReconciler implements Reconciler<Kubernetes>, Cleaner<Kubernetes> {
    private static final String TENANT_BY_NAMESPACE = "status.namespace";
    private static final Duration DELETION_POLL = Duration.ofSeconds(10);

    private final ClusterSettings settings;
    private final ReadyCondition ready = ReadyCondition.systemClock();
    private final StatusMirror statusMirror = new StatusMirror(ready);

    public KubernetesReconciler(KubernetesServiceConfig config) {
        this.settings = config.settings();
    }

    @Override
    public UpdateControl<Kubernetes> reconcile(Kubernetes kubernetes, Context<Kubernetes> context) {
        KubernetesStatus before = copy(kubernetes.getStatus());
        KubernetesStatus status = kubernetes.getStatus() == null ? new KubernetesStatus() : kubernetes.getStatus();
        kubernetes.setStatus(status);

        Optional<Tenant> tenant = tenantOf(kubernetes, context);
        if (tenant.isEmpty()) {
            ready.notReady(
                    kubernetes,
                    status,
                    "WaitingForTenant",
                    "No Tenant owns namespace " + kubernetes.getMetadata().getNamespace()
                            + " (no Tenant has it as status.namespace): create clusters in a tenant namespace");
            return patchIfChanged(kubernetes, before, context);
        }
        var release = new ClusterRelease(kubernetes, TenantFacts.of(tenant.get()));
        if (release.tenant().dataStore().isEmpty()) {
            ready.notReady(
                    kubernetes,
                    status,
                    "WaitingForDatastore",
                    "Tenant " + tenant.get().getMetadata().getName()
                            + " has no etcd to store the cluster's state: enable etcd (spec.etcd: true) on this tenant or one of its ancestor "
                            + "tenants; the cluster is created as soon as the etcd runs");
            return patchIfChanged(kubernetes, before, context);
        }
        Optional<String> problem = DesiredObjects.problem(release);
        if (problem.isPresent()) {
            ready.notReady(kubernetes, status, "InvalidSpec", problem.get());
            return patchIfChanged(kubernetes, before, context);
        }

        List<HasMetadata> desired = DesiredObjects.of(release, settings);
        var objects = new ClusterObjects(context.getClient());
        objects.apply(desired);
        objects.prune(release, desired);

        statusMirror.mirror(release, observed(release, context), status);
        return patchIfChanged(kubernetes, before, context);
    }

    @Override
    public DeleteControl cleanup(Kubernetes kubernetes, Context<Kubernetes> context) {
        var release = new ClusterRelease(kubernetes, new TenantFacts(null, null, null));
        var objects = new ClusterObjects(context.getClient());
        Optional<GenericKubernetesResource> cluster = objects.cluster(release);
        if (cluster.isPresent()) {
            // Cluster API deletes the machines (the KubeVirt VMs) first; the control plane must outlive them
            objects.deleteCluster(cluster.get());
            KubernetesStatus status = kubernetes.getStatus() == null ? new KubernetesStatus() : kubernetes.getStatus();
            kubernetes.setStatus(status);
            var finalizers = cluster.get().getMetadata().getFinalizers();
            ready.notReady(
                    kubernetes,
                    status,
                    "Deleting",
                    "Waiting for Cluster API to delete Cluster " + release.name()
                            + (finalizers == null || finalizers.isEmpty()
                                    ? ""
                                    : " (finalizers: " + String.join(", ", finalizers) + ")")
                            + "; the control plane, node groups and addons are removed after it");
            objects.applyStatus(kubernetes);
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(DELETION_POLL.toMillis());
        }
        objects.deleteRest(release);
        return DeleteControl.defaultDelete();
    }

    @Override
    public ErrorStatusUpdateControl<Kubernetes> updateErrorStatus(
            Kubernetes kubernetes, Context<Kubernetes> context, Exception e) {
        KubernetesStatus status = kubernetes.getStatus() == null ? new KubernetesStatus() : kubernetes.getStatus();
        kubernetes.setStatus(status);
        ready.notReady(
                kubernetes, status, "ReconcileFailed", "Applying the cluster's objects failed, retrying: " + reason(e));
        new ClusterObjects(context.getClient()).applyStatus(kubernetes);
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /** The API server's own words when it refused something, without the request line around them. */
    private static String reason(Exception e) {
        if (e instanceof KubernetesClientException refused
                && refused.getStatus() != null
                && refused.getStatus().getMessage() != null) {
            return refused.getStatus().getMessage();
        }
        return e.getMessage();
    }

    @Override
    public List<EventSource<?, Kubernetes>> prepareEventSources(EventSourceContext<Kubernetes> context) {
        var tenants = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Tenant.class, Kubernetes.class)
                        .withName("tenants")
                        .withSecondaryToPrimaryMapper((Tenant tenant) -> clustersIn(namespaceOf(tenant), context))
                        .build(),
                context);
        tenants.addIndexer(
                TENANT_BY_NAMESPACE, tenant -> namespaceOf(tenant) == null ? List.of() : List.of(namespaceOf(tenant)));
        // MachineSets belong to their MachineDeployment; when one goes, the machine template it used may go too
        var machineSets = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(MachineSet.class, Kubernetes.class)
                        .withSecondaryToPrimaryMapper((MachineSet set) -> clusterOf(set))
                        .build(),
                context);
        return List.of(
                tenants,
                owned(context, ClusterApiCluster.class),
                owned(context, KamajiControlPlane.class),
                owned(context, MachineDeployment.class),
                machineSets);
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
    private static Optional<Tenant> tenantOf(Kubernetes kubernetes, Context<Kubernetes> context) {
        var tenants = (InformerEventSource<Tenant, Kubernetes>)
                context.eventSourceRetriever().getEventSourceFor(Tenant.class, "tenants");
        return tenants.byIndex(TENANT_BY_NAMESPACE, kubernetes.getMetadata().getNamespace()).stream()
                .findFirst();
    }

    private static StatusMirror.Observed observed(ClusterRelease release, Context<Kubernetes> context) {
        Optional<GenericKubernetesResource> cluster = context.getSecondaryResourcesAsStream(ClusterApiCluster.class)
                .filter(r -> release.name().equals(r.getMetadata().getName()))
                .map(GenericKubernetesResource.class::cast)
                .findFirst();
        Optional<GenericKubernetesResource> controlPlane = context.getSecondaryResourcesAsStream(
                        KamajiControlPlane.class)
                .filter(r -> release.name().equals(r.getMetadata().getName()))
                .map(GenericKubernetesResource.class::cast)
                .findFirst();
        List<GenericKubernetesResource> machineDeployments = context.getSecondaryResourcesAsStream(
                        MachineDeployment.class)
                .map(GenericKubernetesResource.class::cast)
                .collect(Collectors.toList());
        return new StatusMirror.Observed(cluster, controlPlane, machineDeployments);
    }

    private static Set<ResourceID> clusterOf(MachineSet set) {
        var labels = set.getMetadata().getLabels();
        String cluster = labels == null ? null : labels.get(Upstream.CLUSTER_NAME_LABEL);
        if (cluster == null || !cluster.startsWith(ClusterRelease.PREFIX)) {
            return Set.of();
        }
        return Set.of(new ResourceID(
                cluster.substring(ClusterRelease.PREFIX.length()),
                set.getMetadata().getNamespace()));
    }

    private static String namespaceOf(Tenant tenant) {
        return tenant.getStatus() == null ? null : tenant.getStatus().namespace;
    }

    private static Set<ResourceID> clustersIn(String namespace, EventSourceContext<Kubernetes> context) {
        if (namespace == null) {
            return Set.of();
        }
        return context.getPrimaryCache()
                .list(namespace)
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    private static KubernetesStatus copy(KubernetesStatus status) {
        return status == null ? null : Serialization.clone(status);
    }

    /** Status is written only when it changed, so that an unchanged cluster causes no write and no new event. */
    private static UpdateControl<Kubernetes> patchIfChanged(
            Kubernetes kubernetes, KubernetesStatus before, Context<Kubernetes> context) {
        if (!Objects.equals(Serialization.asJson(before), Serialization.asJson(kubernetes.getStatus()))) {
            new ClusterObjects(context.getClient()).applyStatus(kubernetes);
        }
        return UpdateControl.noUpdate();
    }
}
