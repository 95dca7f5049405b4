package dev.hearth.core.api.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.core.api.HearthStatus;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PlatformStatus extends HearthStatus {
    @JsonPropertyDescription("The bundle version last applied in full.")
    public String version;

    @JsonPropertyDescription("Each enabled or still installed component.")
    public Map<String, ComponentStatus> components = new TreeMap<>();

    @JsonPropertyDescription("What applying the spec would change now.")
    public PlanStatus plan;

    @JsonPropertyDescription("The last applied revisions, newest first (at most 10).")
    public List<Revision> history = new ArrayList<>();

    @JsonPropertyDescription("Chart versions deployed that migrated a component's data: no rollback goes below them.")
    public List<Migration> migrations = new ArrayList<>();

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public static class ComponentStatus {
        @JsonPropertyDescription(
                "Pending, Installing, Upgrading, RollingBack, Ready, Failed (Flux gave up), Deleting or Retained.")
        public String phase;

        public String chartVersion;
        public String wantedChartVersion;
        public boolean ready;
        public String reason;
        public String message;

        @JsonPropertyDescription("Components, CRDs or approvals this one waits for.")
        public List<String> waitingFor = new ArrayList<>();

        @JsonPropertyDescription("Failed install or upgrade attempts of the current revision.")
        public int failures;
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public static class PlanStatus {
        @JsonPropertyDescription("The plan's hash, to approve with upgradePolicy.approvedPlan.")
        public String hash;

        @JsonPropertyDescription("One line per change, in the order it is applied; values of secrets masked.")
        public List<String> steps = new ArrayList<>();

        public boolean approved;
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public static class Revision {
        public String version;
        public String planHash;
        public String appliedAt;

        @JsonPropertyDescription("Applied, Failed (the upgrade to it), or RolledBack (to it, after a failed upgrade).")
        public String result;

        @JsonPropertyDescription("What failed, or which upgrade was rolled back.")
        public String message;

        @JsonPropertyDescription(
                "Each component of the bundle's variant as the spec had it: enabled or not, and the administrator's"
                        + " values. A rollback to this revision restores them.")
        public Map<String, ComponentSettings> components = new TreeMap<>();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class ComponentSettings {
        public Boolean enabled;

        @JsonPropertyDescription("The administrator's values (spec.components.<name>.values) at that revision.")
        @PreserveUnknownFields
        public JsonNode values;
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public static class Migration {
        public String component;
        public String chartVersion;
        public String description;
        public String recordedAt;
    }
}
