package dev.hearth.vm.instance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.hearth.core.api.vm.RunStrategy;
import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.upstream.GenericFields;
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
        String printableStatus =
                GenericFields.string(vm, "status", "printableStatus").orElse(null);
        boolean vmReady = GenericFields.at(vm, "status", "ready")
                .map(Boolean.TRUE::equals)
                .orElse(false);
        boolean restartPending = condition(vm, "RestartRequired")
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
        if (VirtualMachineFor.runStrategy(instance) == RunStrategy.Halted && "Stopped".equals(printableStatus)) {
            return new InstanceState(
                    printableStatus,
                    false,
                    ips,
                    restartPending,
                    true,
                    "Stopped",
                    "the VM is stopped, as runStrategy Halted asks" + pending);
        }
        String why = condition(vm, "Failure")
                .filter(c -> "True".equals(c.get("status")))
                .or(() -> condition(vm, "Ready"))
                .map(c -> c.get("message"))
                .filter(m -> m instanceof String text && !text.isBlank())
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
        Set<String> ips = new LinkedHashSet<>();
        for (Map<String, Object> nic : GenericFields.list(vmi, "status", "interfaces")) {
            if (nic.get("ipAddresses") instanceof List<?> addresses) {
                addresses.stream()
                        .filter(String.class::isInstance)
                        .map(String.class::cast)
                        .forEach(ips::add);
            } else if (nic.get("ipAddress") instanceof String address) {
                ips.add(address);
            }
        }
        return new ArrayList<>(ips);
    }

    private static Optional<Map<String, Object>> condition(GenericKubernetesResource vm, String type) {
        return GenericFields.list(vm, "status", "conditions").stream()
                .filter(c -> type.equals(c.get("type")))
                .findFirst();
    }

    /** The status of the Ready condition: True or False. */
    public String readyStatus() {
        return ready ? ReadyCondition.TRUE : ReadyCondition.FALSE;
    }
}
