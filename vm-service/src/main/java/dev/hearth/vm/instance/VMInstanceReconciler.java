package dev.hearth.vm.instance;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.hearth.core.Labels;
import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.core.api.vm.VMInstanceStatus;
import dev.hearth.vm.ChildMetadata;
import dev.hearth.vm.ServerSideApply;
import dev.hearth.vm.StatusWriter;
import dev.hearth.vm.Upstream;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.PrimaryToSecondaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;

/**
 * VMInstance → VirtualMachine {@code vm-instance-<name>}, its cloud-init and SSH key Secrets and its Service; the
 * instance's status mirrors the VirtualMachine and its running VirtualMachineInstance.
 */
@ControllerConfiguration(name = "vminstance")
public class VMInstanceReconciler implements Reconciler<VMInstance> {
    private static final String DISKS_INDEX = "vminstance-disks";
    private static final Duration SERVICE_RECREATION_RETRY = Duration.ofSeconds(5);
    private static final String MANAGED = Labels.MANAGED_BY + "=" + ChildMetadata.MANAGED_BY;

    private final ServerSideApply serverSideApply;
    private final KubernetesClient client;

    public VMInstanceReconciler(ServerSideApply serverSideApply, KubernetesClient client) {
        this.serverSideApply = serverSideApply;
        this.client = client;
    }

    @Override
    public List<EventSource<?, VMInstance>> prepareEventSources(EventSourceContext<VMInstance> context) {
        // a VMDisk appearing (or turning optical) wakes every instance that names it
        context.getPrimaryCache()
                .addIndexer(
                        DISKS_INDEX,
                        instance -> instance.getSpec().disks.stream()
                                .map(disk -> diskKey(instance.getMetadata().getNamespace(), disk.name))
                                .toList());
        var disks = InformerEventSourceConfiguration.from(VMDisk.class, VMInstance.class)
                .withSecondaryToPrimaryMapper(disk -> context
                        .getPrimaryCache()
                        .byIndex(
                                DISKS_INDEX,
                                diskKey(
                                        disk.getMetadata().getNamespace(),
                                        disk.getMetadata().getName()))
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
                .withPrimaryToSecondaryMapper((PrimaryToSecondaryMapper<VMInstance>)
                        instance -> instance.getSpec().disks.stream()
                                .map(disk -> new ResourceID(
                                        disk.name, instance.getMetadata().getNamespace()))
                                .collect(Collectors.toSet()))
                .build();
        var virtualMachines = InformerEventSourceConfiguration.from(Upstream.VirtualMachine.class, VMInstance.class)
                .withLabelSelector(MANAGED)
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(VMInstance.class))
                .build();
        // KubeVirt copies the template's labels onto the VirtualMachineInstance it starts
        var instances = InformerEventSourceConfiguration.from(Upstream.VirtualMachineInstance.class, VMInstance.class)
                .withLabelSelector(
                        MANAGED + "," + Labels.APPLICATION_KIND + "=" + HasMetadata.getKind(VMInstance.class))
                .withSecondaryToPrimaryMapper(vmi -> Optional.ofNullable(
                                vmi.getMetadata().getLabels().get(Labels.APPLICATION_NAME))
                        .map(name ->
                                Set.of(new ResourceID(name, vmi.getMetadata().getNamespace())))
                        .orElse(Set.of()))
                .build();
        return List.of(
                new InformerEventSource<>(disks, context),
                new InformerEventSource<>(virtualMachines, context),
                new InformerEventSource<>(instances, context));
    }

    @Override
    public UpdateControl<VMInstance> reconcile(VMInstance instance, Context<VMInstance> context) {
        Optional<Problem> invalid = Problem.inSpec(instance);
        if (invalid.isPresent()) {
            return notReady(instance, invalid.get());
        }
        List<VMDisk> disks = disksInBootOrder(instance, context);
        List<String> missing = missingDisks(instance, disks);
        if (!missing.isEmpty()) {
            return notReady(
                    instance,
                    new Problem(
                            "WaitingForDisk",
                            "waiting for VMDisk " + String.join(", ", missing) + ": create it in namespace "
                                    + instance.getMetadata().getNamespace() + " or remove it from spec.disks"));
        }
        invalid = Problem.inDisks(instance, disks);
        if (invalid.isPresent()) {
            return notReady(instance, invalid.get());
        }
        applySecrets(instance);
        GenericKubernetesResource vm = serverSideApply.apply(VirtualMachineFor.desired(instance, disks));
        boolean serviceApplied = applyService(instance);
        InstanceState state = InstanceState.of(
                instance,
                vm,
                context.getSecondaryResource(Upstream.VirtualMachineInstance.class)
                        .orElse(null));
        UpdateControl<VMInstance> control = writeStatus(instance, state);
        return serviceApplied ? control : control.rescheduleAfter(SERVICE_RECREATION_RETRY);
    }

    @Override
    public ErrorStatusUpdateControl<VMInstance> updateErrorStatus(
            VMInstance instance, Context<VMInstance> context, Exception e) {
        return StatusWriter.failed(instance, status(instance), e);
    }

    private static List<VMDisk> disksInBootOrder(VMInstance instance, Context<VMInstance> context) {
        Set<VMDisk> existing = context.getSecondaryResources(VMDisk.class);
        return instance.getSpec().disks.stream()
                .map(wanted -> existing.stream()
                        .filter(d -> d.getMetadata().getName().equals(wanted.name))
                        .findFirst()
                        .orElse(null))
                .toList();
    }

    private static List<String> missingDisks(VMInstance instance, List<VMDisk> disks) {
        return IntStream.range(0, disks.size())
                .filter(i -> disks.get(i) == null)
                .mapToObj(i -> instance.getSpec().disks.get(i).name)
                .toList();
    }

    /** Applies the Secrets the spec asks for and deletes the ones it no longer does (e.g. after removing every SSH key). */
    private void applySecrets(VMInstance instance) {
        String namespace = instance.getMetadata().getNamespace();
        applyOrDelete(SecretsFor.cloudInit(instance), namespace, SecretsFor.cloudInitName(instance));
        applyOrDelete(SecretsFor.sshKeys(instance), namespace, SecretsFor.sshKeysName(instance));
    }

    private void applyOrDelete(Optional<Secret> desired, String namespace, String name) {
        if (desired.isPresent()) {
            serverSideApply.apply(desired.get());
        } else {
            client.secrets().inNamespace(namespace).withName(name).delete();
        }
    }

    /**
     * A Service's clusterIP cannot change in place, so switching between headless and LoadBalancer deletes the old
     * Service first; false while it is still going away (a load balancer's cleanup finalizer can take a while).
     */
    private boolean applyService(VMInstance instance) {
        Service desired = ServiceFor.desired(instance);
        var existing = client.services()
                .inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName());
        Service current = existing.get();
        if (current != null && ServiceFor.isHeadless(current) != ServiceFor.isHeadless(desired)) {
            serverSideApply.delete(current);
            if (existing.get() != null) {
                return false;
            }
        }
        serverSideApply.apply(desired);
        return true;
    }

    private UpdateControl<VMInstance> writeStatus(VMInstance instance, InstanceState state) {
        return StatusWriter.update(instance, status(instance), status -> {
            status.printableStatus = state.printableStatus();
            status.ready = state.vmReady();
            status.ipAddresses = state.ipAddresses();
            status.restartPending = state.restartPending();
            if (state.ready()) {
                StatusWriter.READY.ready(instance, status, state.reason(), state.message());
            } else {
                StatusWriter.READY.notReady(instance, status, state.reason(), state.message());
            }
        });
    }

    private static UpdateControl<VMInstance> notReady(VMInstance instance, Problem problem) {
        return StatusWriter.update(
                instance,
                status(instance),
                status -> StatusWriter.READY.notReady(instance, status, problem.reason(), problem.message()));
    }

    private static VMInstanceStatus status(VMInstance instance) {
        if (instance.getStatus() == null) {
            instance.setStatus(new VMInstanceStatus());
        }
        return instance.getStatus();
    }

    private static String diskKey(String namespace, String disk) {
        return namespace + "/" + disk;
    }
}
