package dev.hearth.vm.instance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hearth.core.api.vm.VMInstance;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * The cloud-init Secret {@code vm-instance-<name>-cloud-init} of a VMInstance, key {@code userdata}:
 * the user's cloud-init, or a minimal #cloud-config that installs the SSH keys. Pure: no I/O.
 */
public final class CloudInitSecretFor {

    private CloudInitSecretFor() {}

    public static String name(VMInstance instance) {
        return VirtualMachineFor.name(instance) + "-cloud-init";
    }

    /** Whether the VM gets a cloud-init disk: for user data, and for the SSH keys KubeVirt propagates through it. */
    public static boolean needed(VMInstance instance) {
        return instance.getSpec().cloudInit != null
                || !instance.getSpec().sshKeys.isEmpty();
    }

    /** @param fieldManager the service's field manager, which the managed-by label names */
    public static Optional<Secret> desired(VMInstance instance, String fieldManager) {
        if (!needed(instance)) {
            return Optional.empty();
        }
        String userData = instance.getSpec().cloudInit != null
                ? instance.getSpec().cloudInit
                : minimalCloudConfig(instance.getSpec().sshKeys);
        return Optional.of(Secrets.of(instance, name(instance), Map.of("userdata", userData), fieldManager));
    }

    private static String minimalCloudConfig(List<String> keys) {
        StringBuilder config = new StringBuilder("#cloud-config\nssh_authorized_keys:\n");
        // JSON strings are valid YAML scalars and need no escaping of a key's comment
        keys.forEach(key -> config.append("  - \"")
                .append(key.strip().replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"\n"));
        return config.toString();
    }
}
