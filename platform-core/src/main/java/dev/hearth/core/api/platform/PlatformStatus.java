package dev.hearth.core.api.platform;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.hearth.core.api.HearthStatus;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PlatformStatus extends HearthStatus {
    @JsonPropertyDescription("The bundle version installed.")
    public String version;

    @JsonPropertyDescription("State of each component: Pending, Installing, Ready, Failed, Removed.")
    public Map<String, String> components = new TreeMap<>();
}
