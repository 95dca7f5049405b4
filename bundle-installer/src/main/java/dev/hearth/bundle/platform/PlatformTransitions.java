package dev.hearth.bundle.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.core.api.platform.Platform;
import dev.hearth.core.api.platform.PlatformStatus;
import dev.hearth.core.events.EventRecorder;
import dev.hearth.core.status.StatusWriter;

/**
 * The Platform's status as a reconcile found it, to tell what changed: an Event on the Platform for each component
 * whose phase changed ({@code Component<Phase>}, Warning when Failed), for each stuck release remediated, and for a new
 * Ready reason.
 */
final class PlatformTransitions {
    private final EventRecorder events;
    private final JsonNode before;
    private final Map<String, String> phases = new HashMap<>();
    private final Map<String, String> said = new HashMap<>();
    private final PlatformStatus ready = new PlatformStatus();

    PlatformTransitions(EventRecorder events, PlatformStatus status) {
        this.events = events;
        this.before = StatusWriter.snapshot(status);
        status.components.forEach((name, c) -> {
            phases.put(name, c.phase);
            said.put(name, c.reason + c.message);
        });
        // conditions are replaced, not changed in place: a copy of the list keeps the old Ready
        ready.conditions = new ArrayList<>(status.conditions);
    }

    /** The status before this reconcile changed it, for {@link StatusWriter#writeIfChanged}. */
    JsonNode before() {
        return before;
    }

    void record(Platform platform, PlatformStatus status) {
        components(platform, status);
        events.readyTransition(platform, ready, status);
    }

    /** Events for the components' phase changes so far (a failed upgrade's, before the rollback replaces them). */
    void components(Platform platform, PlatformStatus status) {
        status.components.forEach((name, c) -> {
            if (c.phase != null && !Objects.equals(phases.get(name), c.phase)) {
                String message = name + " " + Objects.toString(c.chartVersion, "-") + " -> "
                        + Objects.toString(c.wantedChartVersion, "-") + ": " + Objects.toString(c.message, "");
                if ("Failed".equals(c.phase)) {
                    events.warning(platform, "ComponentFailed", message);
                } else {
                    events.normal(platform, "Component" + c.phase, message);
                }
                phases.put(name, c.phase);
            }
            // the message names the stuck state: one Event per state remediated
            if (StuckReleases.REASON.equals(c.reason) && !Objects.equals(said.get(name), c.reason + c.message)) {
                events.warning(platform, StuckReleases.REASON, name + ": " + c.message);
                said.put(name, c.reason + c.message);
            }
        });
    }
}
