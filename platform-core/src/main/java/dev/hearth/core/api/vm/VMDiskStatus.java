package dev.hearth.core.api.vm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.hearth.core.api.HearthStatus;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class VMDiskStatus extends HearthStatus {
    @JsonPropertyDescription(
            "Phase of the DataVolume (Pending, ImportScheduled, ImportInProgress, Succeeded, Failed, ...).")
    public String phase;

    @JsonPropertyDescription("Import or clone progress, e.g. 45.2%.")
    public String progress;
}
