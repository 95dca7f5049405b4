package dev.hearth.vm.instance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The VM's firmware UUID, stable across restarts and re-creation: cloud-init takes a new UUID for a new machine and
 * runs again, which is what changing {@code cloudInitSeed} is for.
 */
public final class FirmwareUuid {

    private FirmwareUuid() {}

    public static String of(String namespace, String name, String cloudInitSeed) {
        String input = namespace + "/" + name + "/" + (cloudInitSeed == null ? "" : cloudInitSeed);
        try {
            String hex = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
