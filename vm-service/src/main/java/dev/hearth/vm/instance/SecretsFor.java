package dev.hearth.vm.instance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.vm.ChildMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

/** The cloud-init and SSH key Secrets of a VMInstance (cozystack.md §4.2). Pure: no I/O. */
public final class SecretsFor {

    private SecretsFor() {}

    public static String cloudInitName(VMInstance instance) {
        return VirtualMachineFor.name(instance) + "-cloud-init";
    }

    public static String sshKeysName(VMInstance instance) {
        return VirtualMachineFor.name(instance) + "-ssh-keys";
    }

    /** Whether the VM gets a cloud-init disk: for user data, and for the SSH keys KubeVirt propagates through it. */
    public static boolean needsCloudInit(VMInstance instance) {
        return instance.getSpec().cloudInit != null
                || !instance.getSpec().sshKeys.isEmpty();
    }

    /** {@code userdata}: the user's cloud-init, or a minimal #cloud-config that installs the SSH keys. */
    public static Optional<Secret> cloudInit(VMInstance instance) {
        if (!needsCloudInit(instance)) {
            return Optional.empty();
        }
        String userData = instance.getSpec().cloudInit != null
                ? instance.getSpec().cloudInit
                : minimalCloudConfig(instance.getSpec().sshKeys);
        return Optional.of(secret(instance, cloudInitName(instance), Map.of("userdata", userData)));
    }

    /** One key per entry, {@code key0..N}, for KubeVirt's access credentials. */
    public static Optional<Secret> sshKeys(VMInstance instance) {
        List<String> keys = instance.getSpec().sshKeys;
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> data = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            data.put("key" + i, keys.get(i).strip());
        }
        return Optional.of(secret(instance, sshKeysName(instance), data));
    }

    private static String minimalCloudConfig(List<String> keys) {
        StringBuilder config = new StringBuilder("#cloud-config\nssh_authorized_keys:\n");
        // JSON strings are valid YAML scalars and need no escaping of a key's comment
        keys.forEach(key -> config.append("  - \"")
                .append(key.strip().replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"\n"));
        return config.toString();
    }

    private static Secret secret(VMInstance instance, String name, Map<String, String> values) {
        Map<String, String> data = new TreeMap<>();
        values.forEach((key, value) ->
                data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder()
                .withMetadata(ChildMetadata.of(instance, name))
                .withType("Opaque")
                .withData(data)
                .build();
    }
}
