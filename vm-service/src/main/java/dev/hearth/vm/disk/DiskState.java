package dev.hearth.vm.disk;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** What a VMDisk's status says, read from its DataVolume's status. Pure: no I/O. */
public record DiskState(String phase, String progress, boolean ready, String reason, String message) {

    public static DiskState of(String dataVolumeName, GenericKubernetesResource dataVolume) {
        Map<String, Object> status = dataVolume == null
                ? null
                : map(dataVolume.getAdditionalProperties().get("status"));
        String phase = status == null ? null : (String) status.get("phase");
        String progress = status == null ? null : (String) status.get("progress");
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
                                + failure(status).map(m -> ": " + m).orElse(""));
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
    private static Optional<String> failure(Map<String, Object> status) {
        Object conditions = status.get("conditions");
        if (!(conditions instanceof List<?> list)) {
            return Optional.empty();
        }
        return list.stream()
                .map(DiskState::map)
                .filter(Objects::nonNull)
                .filter(c -> "Running".equals(c.get("type")) || "Ready".equals(c.get("type")))
                .map(c -> (String) c.get("message"))
                .filter(m -> m != null && !m.isBlank())
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}
