package dev.hearth.vm.instance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import dev.hearth.core.api.vm.VMDisk;
import dev.hearth.core.api.vm.VMInstance;
import dev.hearth.core.api.vm.VMInstanceDisk;

/** A mistake in a VMInstance that the schema cannot catch: the reason and message of its Ready=False condition. */
public record Problem(String reason, String message) {
    private static final Set<String> KEY_TYPES = Set.of(
            "ssh-rsa",
            "ssh-ed25519",
            "ssh-dss",
            "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521",
            "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com");

    /** What is wrong in the instance's own spec, if anything. */
    public static Optional<Problem> inSpec(VMInstance instance) {
        List<String> keys = instance.getSpec().sshKeys;
        for (int i = 0; i < keys.size(); i++) {
            Optional<String> why = sshKeyProblem(keys.get(i));
            if (why.isPresent()) {
                return Optional.of(
                        new Problem(
                                "InvalidSSHKey",
                                "spec.sshKeys[" + i + "] is not an SSH public key: " + why.get()
                                        + "; use one line of an OpenSSH .pub file, e.g. \"ssh-ed25519 AAAAC3Nza... user@host\""));
            }
        }
        List<String> names = instance.getSpec().disks.stream().map(d -> d.name).toList();
        List<String> twice = names.stream()
                .filter(n -> names.indexOf(n) != names.lastIndexOf(n))
                .distinct()
                .toList();
        if (!twice.isEmpty()) {
            return Optional.of(new Problem(
                    "DuplicateDisk",
                    "a disk can be attached only once: remove the repeated entries of " + String.join(", ", twice)
                            + " from spec.disks"));
        }
        // external is false unless given (the CRD's default)
        if (Boolean.TRUE.equals(instance.getSpec().external)
                && instance.getSpec().externalPorts.isEmpty()) {
            return Optional.of(
                    new Problem("NoExternalPorts", "external: true needs at least one port in spec.externalPorts"));
        }
        return Optional.empty();
    }

    /**
     * The disks of {@code spec.disks} that do not exist yet, if any.
     *
     * @param disks the instance's VMDisks in the order of {@code spec.disks}, null where one does not exist
     */
    public static Optional<Problem> missingDisks(VMInstance instance, List<VMDisk> disks) {
        List<String> missing = IntStream.range(0, disks.size())
                .filter(i -> disks.get(i) == null)
                .mapToObj(i -> instance.getSpec().disks.get(i).name)
                .toList();
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of(new Problem(
                        "WaitingForDisk",
                        "waiting for VMDisk " + String.join(", ", missing) + ": create it in namespace "
                                + instance.getMetadata().getNamespace() + " or remove it from spec.disks"));
    }

    /** What is wrong in how the instance attaches its disks (all existing, see {@link #missingDisks}), if anything. */
    public static Optional<Problem> inDisks(VMInstance instance, List<VMDisk> disks) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < disks.size(); i++) {
            VMInstanceDisk attached = instance.getSpec().disks.get(i);
            if (Boolean.TRUE.equals(disks.get(i).getSpec().optical) && attached.bus == VMInstanceDisk.DiskBus.virtio) {
                wrong.add(attached.name);
            }
        }
        return wrong.isEmpty()
                ? Optional.empty()
                : Optional.of(new Problem(
                        "InvalidDiskBus",
                        "optical disks are CD-ROMs, which cannot use the virtio bus: set bus to sata or "
                                + "scsi (or leave it empty) for " + String.join(", ", wrong)));
    }

    /** Why a line is not an OpenSSH public key: its type must be known and its blob must start with that type. */
    static Optional<String> sshKeyProblem(String key) {
        String[] parts = key.strip().split("\\s+", 3);
        if (parts.length < 2) {
            return Optional.of("expected \"<type> <base64 key> [comment]\"");
        }
        if (!KEY_TYPES.contains(parts[0])) {
            return Optional.of("unknown key type \"" + parts[0] + "\"");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return Optional.of("the key is not valid base64");
        }
        if (blob.length < 4) {
            return Optional.of("the key is truncated");
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        int typeLength = buffer.getInt();
        if (typeLength < 0 || typeLength > buffer.remaining()) {
            return Optional.of("the key is truncated");
        }
        String blobType = new String(blob, 4, typeLength, StandardCharsets.US_ASCII);
        if (!blobType.equals(parts[0])) {
            return Optional.of("the key says it is " + parts[0] + " but its content is "
                    + (blobType.isBlank() ? "not an SSH key" : blobType));
        }
        return Optional.empty();
    }
}
