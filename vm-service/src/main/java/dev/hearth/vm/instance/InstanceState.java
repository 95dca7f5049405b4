package dev.hearth.vm.instance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.hearth.core.api.vm.RunStrategy;
import dev.hearth.core.api.vm.VMInstance;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** What a VMInstance's status says, read from its VirtualMachine and VirtualMachineInstance. Pure: no I/O. */
public record InstanceState(
        String printableStatus,
        boolean vmReady,
        List<String> ipAddresses,
        boolean restartPending,
        boolean ready,
        String reason,
        String message) {

    public static InstanceState of(VMInstance instance, GenericKubernetesResource vm, GenericKubernetesResource vmi) {
        String vmName = VirtualMachineFor.name(instance);
        Map<String, Object> status =
                vm == null ? null : map(vm.getAdditionalProperties().get("status"));
        String printableStatus = status == null ? null : (String) status.get("printableStatus");
        boolean vmReady = status != null && Boolean.TRUE.equals(status.get("ready"));
        boolean restartPending = condition(status, "RestartRequired")
                .map(c -> "True".equals(c.get("status")))
                .orElse(false);
        List<String> ips = ipAddresses(vmi);
        String pending = restartPending ? "; a change waits for a restart of the VM to take effect" : "";

        if (vmReady) {
            return new InstanceState(
                    printableStatus, true, ips, restartPending, true, "Running", "the VM is running" + pending);
        }
        if (printableStatus == null) {
            return new InstanceState(
                    null,
                    false,
                    ips,
                    restartPending,
                    false,
                    "WaitingForVirtualMachine",
                    "waiting for KubeVirt to report on VirtualMachine " + vmName);
        }
        if (instance.getSpec().runStrategy == RunStrategy.Halted && "Stopped".equals(printableStatus)) {
            return new InstanceState(
                    printableStatus,
                    false,
                    ips,
                    restartPending,
                    true,
                    "Stopped",
                    "the VM is stopped, as runStrategy Halted asks" + pending);
        }
        String why = condition(status, "Failure")
                .filter(c -> "True".equals(c.get("status")))
                .or(() -> condition(status, "Ready"))
                .map(c -> (String) c.get("message"))
                .filter(m -> m != null && !m.isBlank())
                .map(m -> ": " + m)
                .orElse("");
        return new InstanceState(
                printableStatus,
                false,
                ips,
                restartPending,
                false,
                printableStatus,
                "VirtualMachine " + vmName + " is " + printableStatus + why + pending);
    }

    /** Every address of every interface, in KubeVirt's order, without duplicates. */
    private static List<String> ipAddresses(GenericKubernetesResource vmi) {
        Map<String, Object> status =
                vmi == null ? null : map(vmi.getAdditionalProperties().get("status"));
        Set<String> ips = new LinkedHashSet<>();
        if (status != null && status.get("interfaces") instanceof List<?> interfaces) {
            for (Object item : interfaces) {
                Map<String, Object> nic = map(item);
                if (nic == null) {
                    continue;
                }
                if (nic.get("ipAddresses") instanceof List<?> addresses) {
                    addresses.stream()
                            .filter(String.class::isInstance)
                            .map(String.class::cast)
                            .forEach(ips::add);
                } else if (nic.get("ipAddress") instanceof String address) {
                    ips.add(address);
                }
            }
        }
        return new ArrayList<>(ips);
    }

    private static Optional<Map<String, Object>> condition(Map<String, Object> status, String type) {
        if (status == null || !(status.get("conditions") instanceof List<?> conditions)) {
            return Optional.empty();
        }
        return conditions.stream()
                .map(InstanceState::map)
                .filter(Objects::nonNull)
                .filter(c -> type.equals(c.get("type")))
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}
