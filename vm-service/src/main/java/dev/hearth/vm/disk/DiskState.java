package dev.hearth.vm.disk;

import java.util.Optional;

import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.upstream.GenericFields;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** What a VMDisk's status says, read from its DataVolume's status. Pure: no I/O. */
public record DiskState(String phase, String progress, boolean ready, String reason, String message) {

    public static DiskState of(String dataVolumeName, GenericKubernetesResource dataVolume) {
        String phase = GenericFields.string(dataVolume, "status", "phase").orElse(null);
        String progress = GenericFields.string(dataVolume, "status", "progress").orElse(null);
        if (phase == null || phase.isBlank()) {
            return new DiskState(
                    null,
                    progress,
                    false,
                    "WaitingForDataVolume",
                    "waiting for CDI to report on DataVolume " + dataVolumeName);
        }
        return switch (phase) {
            case "Succeeded" -> new DiskState(phase, progress, true, "Succeeded", "the disk is ready");
            case "WaitForFirstConsumer" ->
                new DiskState(
                        phase,
                        progress,
                        true,
                        "WaitForFirstConsumer",
                        "the disk is provisioned when the first VM using it starts");
            case "UploadReady" ->
                new DiskState(
                        phase,
                        progress,
                        false,
                        "UploadReady",
                        "waiting for an upload to DataVolume " + dataVolumeName + " through the CDI upload proxy");
            case "Failed" ->
                new DiskState(
                        phase,
                        progress,
                        false,
                        "DataVolumeFailed",
                        "DataVolume " + dataVolumeName + " failed"
                                + failure(dataVolume).map(m -> ": " + m).orElse(""));
            default ->
                new DiskState(
                        phase,
                        progress,
                        false,
                        phase,
                        "DataVolume " + dataVolumeName + " is " + phase
                                + (progress == null ? "" : " (" + progress + ")"));
        };
    }

    /** CDI explains a failure in the message of its Running or Ready condition. */
    private static Optional<String> failure(GenericKubernetesResource dataVolume) {
        return GenericFields.list(dataVolume, "status", "conditions").stream()
                .filter(c -> "Running".equals(c.get("type")) || "Ready".equals(c.get("type")))
                .map(c -> c.get("message"))
                .filter(m -> m instanceof String text && !text.isBlank())
                .map(String.class::cast)
                .findFirst();
    }

    /** The status of the Ready condition: True or False. */
    public String readyStatus() {
        return ready ? ReadyCondition.TRUE : ReadyCondition.FALSE;
    }
}
