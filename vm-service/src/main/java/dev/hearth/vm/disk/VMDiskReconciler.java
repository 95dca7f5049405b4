package dev.hearth.vm.disk;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.core.Labels;
import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMDiskStatus;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.operator.ServiceReconciler;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.status.StatusWriter;
import dev.hearth.core.upstream.Cdi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;

/** VMDisk → DataVolume {@code vm-disk-<name>}; the disk's status mirrors the DataVolume's phase and progress. */
@ControllerConfiguration(name = "vmdisk")
public class VMDiskReconciler implements ServiceReconciler<VMDisk> {
    private static final ReadyCondition READY = ReadyCondition.systemClock();

    private final ServerSideApply serverSideApply;
    private final StatusWriter statusWriter;
    private final String imagesNamespace;

    public VMDiskReconciler(
            ServerSideApply serverSideApply,
            StatusWriter statusWriter,
            @ConfigProperty(name = "hearth.vm.images-namespace", defaultValue = "hearth-images")
                    String imagesNamespace) {
        this.serverSideApply = serverSideApply;
        this.statusWriter = statusWriter;
        this.imagesNamespace = imagesNamespace;
    }

    @Override
    public List<EventSource<?, VMDisk>> prepareEventSources(EventSourceContext<VMDisk> context) {
        // a DataVolume's status changes (import progress, phase) trigger a reconcile of its disk
        var dataVolumes = InformerEventSourceConfiguration.from(Cdi.DataVolume.class, VMDisk.class)
                .withLabelSelector(Labels.MANAGED_BY + "=" + serverSideApply.fieldManager())
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(VMDisk.class))
                .build();
        return List.of(new InformerEventSource<>(dataVolumes, context));
    }

    @Override
    public UpdateControl<VMDisk> reconcile(VMDisk disk, Context<VMDisk> context) {
        GenericKubernetesResource dataVolume =
                serverSideApply.apply(DataVolumeFor.desired(disk, imagesNamespace, serverSideApply.fieldManager()));
        DiskState state = DiskState.of(dataVolume.getMetadata().getName(), dataVolume);
        JsonNode before = StatusWriter.snapshot(disk.getStatus());
        VMDiskStatus status = status(disk);
        status.phase = state.phase();
        status.progress = state.progress();
        READY.set(disk, status, ReadyCondition.TYPE, state.readyStatus(), state.reason(), state.message());
        statusWriter.writeIfChanged(context, disk, before);
        return UpdateControl.noUpdate();
    }

    @Override
    public ErrorStatusUpdateControl<VMDisk> updateErrorStatus(VMDisk disk, Context<VMDisk> context, Exception e) {
        return statusWriter.reconcileFailed(context, disk, READY, VMDiskReconciler::status, "", e);
    }

    private static VMDiskStatus status(VMDisk disk) {
        if (disk.getStatus() == null) {
            disk.setStatus(new VMDiskStatus());
        }
        return disk.getStatus();
    }
}
