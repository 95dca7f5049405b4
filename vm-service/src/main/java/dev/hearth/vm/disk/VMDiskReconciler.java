package dev.hearth.vm.disk;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.hearth.core.Labels;
import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMDiskStatus;
import dev.hearth.vm.ChildMetadata;
import dev.hearth.vm.ServerSideApply;
import dev.hearth.vm.StatusWriter;
import dev.hearth.vm.Upstream;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;

/** VMDisk → DataVolume {@code vm-disk-<name>}; the disk's status mirrors the DataVolume's phase and progress. */
@ControllerConfiguration(name = "vmdisk")
public class VMDiskReconciler implements Reconciler<VMDisk> {
    private final ServerSideApply serverSideApply;
    private final String imagesNamespace;

    public VMDiskReconciler(
            ServerSideApply serverSideApply,
            @ConfigProperty(name = "hearth.vm.images-namespace", defaultValue = "hearth-images")
                    String imagesNamespace) {
        this.serverSideApply = serverSideApply;
        this.imagesNamespace = imagesNamespace;
    }

    @Override
    public List<EventSource<?, VMDisk>> prepareEventSources(EventSourceContext<VMDisk> context) {
        // a DataVolume's status changes (import progress, phase) trigger a reconcile of its disk
        var dataVolumes = InformerEventSourceConfiguration.from(Upstream.DataVolume.class, VMDisk.class)
                .withLabelSelector(Labels.MANAGED_BY + "=" + ChildMetadata.MANAGED_BY)
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(VMDisk.class))
                .build();
        return List.of(new InformerEventSource<>(dataVolumes, context));
    }

    @Override
    public UpdateControl<VMDisk> reconcile(VMDisk disk, Context<VMDisk> context) {
        GenericKubernetesResource dataVolume = serverSideApply.apply(DataVolumeFor.desired(disk, imagesNamespace));
        DiskState state = DiskState.of(dataVolume.getMetadata().getName(), dataVolume);
        return StatusWriter.update(disk, status(disk), status -> {
            status.phase = state.phase();
            status.progress = state.progress();
            if (state.ready()) {
                StatusWriter.READY.ready(disk, status, state.reason(), state.message());
            } else {
                StatusWriter.READY.notReady(disk, status, state.reason(), state.message());
            }
        });
    }

    @Override
    public ErrorStatusUpdateControl<VMDisk> updateErrorStatus(VMDisk disk, Context<VMDisk> context, Exception e) {
        return StatusWriter.failed(disk, status(disk), e);
    }

    private static VMDiskStatus status(VMDisk disk) {
        if (disk.getStatus() == null) {
            disk.setStatus(new VMDiskStatus());
        }
        return disk.getStatus();
    }
}
