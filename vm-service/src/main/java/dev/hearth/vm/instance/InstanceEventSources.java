package dev.hearth.vm.instance;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.hearth.core.Labels;
import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.core.upstream.KubeVirt;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.PrimaryToSecondaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;

/** What wakes a VMInstance: the VMDisks it names, its VirtualMachine, and the VirtualMachineInstance KubeVirt starts. */
final class InstanceEventSources {
    private static final String DISKS_INDEX = "vminstance-disks";

    private InstanceEventSources() {}

    static List<EventSource<?, VMInstance>> of(EventSourceContext<VMInstance> context, String fieldManager) {
        String managed = Labels.MANAGED_BY + "=" + fieldManager;
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
        var virtualMachines = InformerEventSourceConfiguration.from(KubeVirt.VirtualMachine.class, VMInstance.class)
                .withLabelSelector(managed)
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(VMInstance.class))
                .build();
        // KubeVirt copies the template's labels onto the VirtualMachineInstance it starts
        var instances = InformerEventSourceConfiguration.from(KubeVirt.VirtualMachineInstance.class, VMInstance.class)
                .withLabelSelector(
                        managed + "," + Labels.APPLICATION_KIND + "=" + HasMetadata.getKind(VMInstance.class))
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

    private static String diskKey(String namespace, String disk) {
        return namespace + "/" + disk;
    }
}
