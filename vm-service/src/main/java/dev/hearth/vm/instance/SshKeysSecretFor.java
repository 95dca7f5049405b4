package dev.hearth.vm.instance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.hearth.core.api.vm.VMInstance;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * The SSH key Secret {@code vm-instance-<name>-ssh-keys} of a VMInstance for KubeVirt's access
 * credentials: one key per entry, {@code key0..N}. Pure: no I/O.
 */
public final class SshKeysSecretFor {

    private SshKeysSecretFor() {}

    public static String name(VMInstance instance) {
        return VirtualMachineFor.name(instance) + "-ssh-keys";
    }

    /** @param fieldManager the service's field manager, which the managed-by label names */
    public static Optional<Secret> desired(VMInstance instance, String fieldManager) {
        List<String> keys = instance.getSpec().sshKeys;
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> data = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            data.put("key" + i, keys.get(i).strip());
        }
        return Optional.of(Secrets.of(instance, name(instance), data, fieldManager));
    }
}
