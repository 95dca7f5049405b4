package dev.hearth.bundle.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.hearth.core.api.platform.PlatformStatus.ComponentStatus;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.FluxReady;

/**
 * When a Platform on its way is looked at again without an event. The informers announce every change of its
 * releases, sources and namespaces; a readiness expression is over a CRD or a Deployment, which nothing here watches
 * (a cluster-wide informer of every CRD and Deployment for a few expressions), so only a component waiting on one
 * is polled. Otherwise the resync is a safety net that nothing waits for.
 */
final class NextLook {
    /** How often an unwatched readiness expression is looked at again. */
    static final Duration READINESS_POLL = Duration.ofSeconds(3);

    private NextLook() {}

    /** {@code safetyNet}, or the readiness poll while a component waits only on its readiness expression. */
    static Duration after(
            Map<String, ComponentStatus> statuses, Map<String, Flux.HelmRelease> current, Duration safetyNet) {
        boolean polled = statuses.entrySet().stream()
                .anyMatch(e -> waitsOnItsReadinessExpression(e.getValue(), current.get(e.getKey())));
        return polled && READINESS_POLL.compareTo(safetyNet) < 0 ? READINESS_POLL : safetyNet;
    }

    /**
     * Flux says Ready and Helm deployed the wanted version, yet the component is not ready: what is left is its
     * readiness expression ({@link ComponentReleases#ready}).
     */
    static boolean waitsOnItsReadinessExpression(ComponentStatus status, Flux.HelmRelease release) {
        return !status.ready
                && release != null
                && status.wantedChartVersion != null
                && Objects.equals(status.chartVersion, status.wantedChartVersion)
                && FluxReady.of(release).isTrue();
    }
}
