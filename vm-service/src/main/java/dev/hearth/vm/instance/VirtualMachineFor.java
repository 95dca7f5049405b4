package dev.hearth.vm.instance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hearth.core.Labels;
import dev.hearth.core.api.vm.RunStrategy;
import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.core.api.vm.VMInstanceDisk;
import dev.hearth.core.api.vm.VMInstanceSpec;
import dev.hearth.core.api.vm.VMResources;
import dev.hearth.core.kube.ChildMetadata;
import dev.hearth.core.upstream.KubeVirt;
import dev.hearth.core.upstream.Upstream;
import dev.hearth.vm.disk.DataVolumeFor;

/** VMInstance {@code <name>} → KubeVirt VirtualMachine {@code vm-instance-<name>}. Pure: no I/O. */
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

    /** {@code spec.runStrategy}, or the CRD's default {@code Always} when not given. */
    public static RunStrategy runStrategy(VMInstance instance) {
        RunStrategy runStrategy = instance.getSpec().runStrategy;
        return runStrategy != null ? runStrategy : RunStrategy.Always;
    }

    /**
     * @param disks the instance's VMDisks, in the order of {@code spec.disks} (its boot order)
     * @param fieldManager the service's field manager, which the managed-by label names
     */
    public static KubeVirt.VirtualMachine desired(VMInstance instance, List<VMDisk> disks, String fieldManager) {
        VMInstanceSpec spec = instance.getSpec();
        Map<String, Object> vmSpec = new LinkedHashMap<>();
        vmSpec.put("runStrategy", runStrategy(instance).name());
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
        Map<String, String> podLabels = new java.util.TreeMap<>(ChildMetadata.labels(instance, fieldManager));
        if (Boolean.TRUE.equals(spec.external)) {
            // the tenant's NetworkPolicies admit traffic from outside the cluster only to pods labelled so
            podLabels.put(Labels.EXPOSED, "true");
        }
        vmSpec.put("template", Map.of("metadata", Map.of("labels", podLabels), "spec", templateSpec(instance, disks)));
        return Upstream.object(
                KubeVirt.VirtualMachine.class, ChildMetadata.of(instance, name(instance), fieldManager), vmSpec);
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
        if (CloudInitSecretFor.needed(instance)) {
            diskDevices.add(Map.of("name", CLOUD_INIT_VOLUME, "disk", Map.of("bus", "virtio")));
            volumes.add(Map.of(
                    "name",
                    CLOUD_INIT_VOLUME,
                    "cloudInitNoCloud",
                    Map.of("secretRef", Map.of("name", CloudInitSecretFor.name(instance)))));
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
            domain.put("cpu", Map.of("cores", spec.resources.cpu, "sockets", sockets(spec.resources)));
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
                                    "source", Map.of("secret", Map.of("secretName", SshKeysSecretFor.name(instance))),
                                    "propagationMethod", Map.of("noCloud", Map.of())))));
        }
        return template;
    }

    /** {@code resources.sockets}, or the CRD's default 1 when not given. */
    private static int sockets(VMResources resources) {
        return resources.sockets != null ? resources.sockets : 1;
    }
}
