package dev.hearth.vm.instance;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.core.api.vm.VMInstanceStatus;
import dev.hearth.core.operator.ServiceReconciler;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.status.StatusWriter;
import dev.hearth.core.upstream.KubeVirt;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;

/**
 * VMInstance → VirtualMachine {@code vm-instance-<name>}, its cloud-init and SSH key Secrets and its Service; the
 * instance's status mirrors the VirtualMachine and its running VirtualMachineInstance.
 */
@ControllerConfiguration(name = "vminstance")
public class VMInstanceReconciler implements ServiceReconciler<VMInstance> {
    private static final Duration SERVICE_RECREATION_RETRY = Duration.ofSeconds(5);
    private static final ReadyCondition READY = ReadyCondition.systemClock();

    private final InstanceChildren children;
    private final StatusWriter statusWriter;

    public VMInstanceReconciler(InstanceChildren children, StatusWriter statusWriter) {
        this.children = children;
        this.statusWriter = statusWriter;
    }

    @Override
    public List<EventSource<?, VMInstance>> prepareEventSources(EventSourceContext<VMInstance> context) {
        return InstanceEventSources.of(context, children.fieldManager());
    }

    @Override
    public UpdateControl<VMInstance> reconcile(VMInstance instance, Context<VMInstance> context) {
        JsonNode before = StatusWriter.snapshot(instance.getStatus());
        List<VMDisk> disks = disksInBootOrder(instance, context);
        Optional<Problem> problem = Problem.inSpec(instance)
                .or(() -> Problem.missingDisks(instance, disks))
                .or(() -> Problem.inDisks(instance, disks));
        if (problem.isPresent()) {
            READY.notReady(
                    instance,
                    status(instance),
                    problem.get().reason(),
                    problem.get().message());
            statusWriter.writeIfChanged(context, instance, before);
            return UpdateControl.noUpdate();
        }
        children.applySecrets(instance);
        KubeVirt.VirtualMachine vm = children.applyVirtualMachine(instance, disks);
        boolean serviceApplied = children.applyService(instance);
        InstanceState state = InstanceState.of(
                instance,
                vm,
                context.getSecondaryResource(KubeVirt.VirtualMachineInstance.class)
                        .orElse(null));
        writeStatus(instance, state);
        statusWriter.writeIfChanged(context, instance, before);
        return serviceApplied
                ? UpdateControl.noUpdate()
                : UpdateControl.<VMInstance>noUpdate().rescheduleAfter(SERVICE_RECREATION_RETRY);
    }

    @Override
    public ErrorStatusUpdateControl<VMInstance> updateErrorStatus(
            VMInstance instance, Context<VMInstance> context, Exception e) {
        return statusWriter.reconcileFailed(context, instance, READY, VMInstanceReconciler::status, "", e);
    }

    /** The VMDisks of {@code spec.disks}, in its order; null for a disk that does not exist (yet). */
    private static List<VMDisk> disksInBootOrder(VMInstance instance, Context<VMInstance> context) {
        Set<VMDisk> existing = context.getSecondaryResources(VMDisk.class);
        return instance.getSpec().disks.stream()
                .map(wanted -> existing.stream()
                        .filter(d -> d.getMetadata().getName().equals(wanted.name))
                        .findFirst()
                        .orElse(null))
                .toList();
    }

    private static void writeStatus(VMInstance instance, InstanceState state) {
        VMInstanceStatus status = status(instance);
        status.printableStatus = state.printableStatus();
        status.ready = state.vmReady();
        status.ipAddresses = state.ipAddresses();
        status.restartPending = state.restartPending();
        READY.set(instance, status, ReadyCondition.TYPE, state.readyStatus(), state.reason(), state.message());
    }

    private static VMInstanceStatus status(VMInstance instance) {
        if (instance.getStatus() == null) {
            instance.setStatus(new VMInstanceStatus());
        }
        return instance.getStatus();
    }
}
