package dev.hearth.vm.instance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hearth.core.Labels;
import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.core.api.vm.VMInstanceDisk;
import dev.hearth.core.api.vm.VMInstanceSpec;
import dev.hearth.vm.ChildMetadata;
import dev.hearth.vm.Upstream;
import dev.hearth.vm.disk.DataVolumeFor;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** VMInstance {@code <name>} → KubeVirt VirtualMachine {@code vm-instance-<name>} (cozystack.md §4.2). Pure: no I/O. */
public final class VirtualMachineFor {
    public static final String NAME_PREFIX = "vm-instance-";
    public static final String DEFAULT_INSTANCE_TYPE = "u1.medium";
    static final String CLOUD_INIT_VOLUME = "cloudinitdisk";
    private static final String POD_NETWORK = "default";

    private VirtualMachineFor() {}

    public static String name(VMInstance instance) {
        return NAME_PREFIX + instance.getMetadata().getName();
    }

    /** The labels of the VM's pods, which its Service selects. */
    public static Map<String, String> podSelector(VMInstance instance) {
        return Map.of(
                Labels.APPLICATION_KIND,
                instance.getKind(),
                Labels.APPLICATION_NAME,
                instance.getMetadata().getName());
    }

    /** @param disks the instance's VMDisks, in the order of {@code spec.disks} (its boot order) */
    public static GenericKubernetesResource desired(VMInstance instance, List<VMDisk> disks) {
        VMInstanceSpec spec = instance.getSpec();
        Map<String, Object> vmSpec = new LinkedHashMap<>();
        vmSpec.put("runStrategy", spec.runStrategy.name());
        if (spec.resources == null) {
            vmSpec.put(
                    "instancetype",
                    Map.of(
                            "kind",
                            "VirtualMachineClusterInstancetype",
                            "name",
                            spec.instanceType != null ? spec.instanceType : DEFAULT_INSTANCE_TYPE));
        }
        if (spec.preference != null) {
            vmSpec.put("preference", Map.of("kind", "VirtualMachineClusterPreference", "name", spec.preference));
        }
        vmSpec.put(
                "template",
                Map.of(
                        "metadata", Map.of("labels", ChildMetadata.labels(instance)),
                        "spec", templateSpec(instance, disks)));

        GenericKubernetesResource vm = new GenericKubernetesResource();
        vm.setApiVersion(Upstream.apiVersion(Upstream.VirtualMachine.class));
        vm.setKind(Upstream.kind(Upstream.VirtualMachine.class));
        vm.setMetadata(ChildMetadata.of(instance, name(instance)));
        vm.setAdditionalProperty("spec", vmSpec);
        return vm;
    }

    private static Map<String, Object> templateSpec(VMInstance instance, List<VMDisk> disks) {
        VMInstanceSpec spec = instance.getSpec();
        List<Object> diskDevices = new ArrayList<>();
        List<Object> volumes = new ArrayList<>();
        for (int i = 0; i < disks.size(); i++) {
            VMInstanceDisk attached = spec.disks.get(i);
            String volume = "disk-" + attached.name;
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("name", volume);
            device.put("bootOrder", i + 1);
            if (Boolean.TRUE.equals(disks.get(i).getSpec().optical)) {
                // virtio has no CD-ROM device; Problem.inDisks refuses it before we get here
                device.put("cdrom", Map.of("bus", attached.bus != null ? attached.bus.name() : "sata"));
            } else {
                device.put("disk", attached.bus != null ? Map.of("bus", attached.bus.name()) : Map.of());
            }
            diskDevices.add(device);
            volumes.add(Map.of("name", volume, "dataVolume", Map.of("name", DataVolumeFor.name(attached.name))));
        }
        if (SecretsFor.needsCloudInit(instance)) {
            diskDevices.add(Map.of("name", CLOUD_INIT_VOLUME, "disk", Map.of("bus", "virtio")));
            volumes.add(Map.of(
                    "name",
                    CLOUD_INIT_VOLUME,
                    "cloudInitNoCloud",
                    Map.of("secretRef", Map.of("name", SecretsFor.cloudInitName(instance)))));
        }

        Map<String, Object> devices = new LinkedHashMap<>();
        devices.put("disks", diskDevices);
        devices.put("interfaces", List.of(Map.of("name", POD_NETWORK, "bridge", Map.of())));
        if (!spec.gpus.isEmpty()) {
            List<Object> gpus = new ArrayList<>();
            for (int i = 0; i < spec.gpus.size(); i++) {
                gpus.add(Map.of("name", "gpu" + i, "deviceName", spec.gpus.get(i).name));
            }
            devices.put("gpus", gpus);
        }

        Map<String, Object> domain = new LinkedHashMap<>();
        domain.put(
                "firmware",
                Map.of(
                        "uuid",
                        FirmwareUuid.of(
                                instance.getMetadata().getNamespace(),
                                instance.getMetadata().getName(),
                                spec.cloudInitSeed)));
        if (spec.resources != null) {
            domain.put("cpu", Map.of("cores", spec.resources.cpu, "sockets", spec.resources.sockets));
            domain.put("memory", Map.of("guest", spec.resources.memory.toString()));
        }
        domain.put("devices", devices);

        Map<String, Object> template = new LinkedHashMap<>();
        template.put("domain", domain);
        template.put("networks", List.of(Map.of("name", POD_NETWORK, "pod", Map.of())));
        template.put("volumes", volumes);
        if (!spec.sshKeys.isEmpty()) {
            template.put(
                    "accessCredentials",
                    List.of(Map.of(
                            "sshPublicKey",
                            Map.of(
                                    "source", Map.of("secret", Map.of("secretName", SecretsFor.sshKeysName(instance))),
                                    "propagationMethod", Map.of("noCloud", Map.of())))));
        }
        return template;
    }
}
