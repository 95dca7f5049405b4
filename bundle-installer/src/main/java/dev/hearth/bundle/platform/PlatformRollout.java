package dev.hearth.bundle.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.model.Component;
import dev.hearth.bundle.plan.DependencyOrder;
import dev.hearth.bundle.plan.Plan;
import dev.hearth.bundle.plan.PlanStep;
import dev.hearth.bundle.plan.WantedValues;
import dev.hearth.bundle.render.ComponentNamespaceFor;
import dev.hearth.bundle.render.ComponentReleaseFor;
import dev.hearth.bundle.render.SourceFor;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.api.platform.PlatformStatus.ComponentStatus;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.FluxReady;

/**
 * One pass of applying a plan: each enabled component's namespace and release are written only once everything it
 * depends on is ready (so CRDs and webhooks serve before anything uses them), and what the plan deletes goes unless its
 * deletion policy keeps it. Returns what each component is doing.
 */
@ApplicationScoped
public class PlatformRollout {
    private final ServerSideApply writes;
    private final ComponentReleases releases;

    PlatformRollout(ServerSideApply writes, ComponentReleases releases) {
        this.writes = writes;
        this.releases = releases;
    }

    public Map<String, ComponentStatus> advance(
            Bundle bundle, String variant, PlatformSpec spec, Plan plan, Map<String, Flux.HelmRelease> current) {
        Map<String, Boolean> enabled = PlatformInputs.enabled(spec);
        Map<String, JsonNode> overrides = PlatformInputs.overrides(spec);
        List<Component> wanted = DependencyOrder.of(bundle.forVariant(variant)).stream()
                .filter(c -> enabled.getOrDefault(c.name(), !c.optional()))
                .toList();
        new java.util.TreeSet<>(wanted.stream().map(c -> c.chart().repository()).toList())
                .forEach(repository -> writes.apply(SourceFor.desired(bundle.name(), repository)));

        Map<String, ComponentStatus> statuses = new TreeMap<>();
        for (Component c : wanted) {
            ComponentStatus status = new ComponentStatus();
            status.wantedChartVersion = c.chart().version();
            List<String> waitingFor = c.dependsOn().stream()
                    .filter(d -> !isReady(statuses.get(d)))
                    .sorted()
                    .toList();
            Flux.HelmRelease release = current.get(c.name());
            if (release != null) {
                status.chartVersion = ComponentReleases.deployedVersion(release).orElse(null);
            }
            if (!waitingFor.isEmpty()) {
                status.waitingFor = new ArrayList<>(waitingFor);
                status.phase = release == null ? "Pending" : "Upgrading";
                status.message = "Waits for " + String.join(", ", waitingFor) + " to be ready";
            } else {
                writes.apply(ComponentNamespaceFor.desired(bundle.name(), c));
                release = writes.apply(ComponentReleaseFor.desired(
                        bundle.name(),
                        c,
                        WantedValues.of(c, overrides.get(c.name())),
                        PlatformInputs.retryRequest(spec, c.name())));
                describe(status, c, release);
            }
            statuses.put(c.name(), status);
        }
        for (PlanStep step : plan.steps()) {
            if (step.action() == PlanStep.Action.DELETE) {
                statuses.put(step.component(), prune(bundle, spec, step.component(), current.get(step.component())));
            }
        }
        return statuses;
    }

    private void describe(ComponentStatus status, Component c, Flux.HelmRelease release) {
        FluxReady flux = FluxReady.of(release);
        status.chartVersion = ComponentReleases.deployedVersion(release).orElse(null);
        status.ready = releases.ready(release, c.chart().version(), c.readiness());
        status.reason = flux.reason();
        status.failures = dev.hearth.core.upstream.GenericFields.integer(release, "status", "installFailures")
                        .orElse(0)
                + dev.hearth.core.upstream.GenericFields.integer(release, "status", "upgradeFailures")
                        .orElse(0);
        if (status.ready) {
            status.phase = "Ready";
            status.message = "Installed " + c.chart().name() + " " + c.chart().version();
        } else if (flux.isFalse()) {
            status.phase = "Failed";
            status.message = flux.message();
        } else if (flux.isTrue()) {
            status.phase = "Installing";
            status.waitingFor = new ArrayList<>(List.of(c.readiness() == null ? "release" : c.readiness()));
            status.message = "Released; waiting for " + status.waitingFor.get(0);
        } else {
            status.phase = status.chartVersion == null ? "Installing" : "Upgrading";
            status.message = "helm-controller has not reported on " + c.chart().name() + " "
                    + c.chart().version() + " yet";
        }
    }

    private ComponentStatus prune(Bundle bundle, PlatformSpec spec, String name, Flux.HelmRelease release) {
        ComponentStatus status = new ComponentStatus();
        status.chartVersion = release == null
                ? null
                : ComponentReleases.deployedVersion(release).orElse(null);
        boolean ownsData = bundle.component(name).map(Component::ownsData).orElse(false);
        PlatformSpec.DeletionPolicy policy = PlatformInputs.deletionPolicy(spec, name, ownsData);
        if (policy == PlatformSpec.DeletionPolicy.Retain) {
            status.phase = "Retained";
            status.message = "Not wanted any more but kept (deletionPolicy Retain" + (ownsData ? ", it owns data" : "")
                    + "); set spec.components." + name + ".deletionPolicy: Delete to uninstall it";
        } else {
            if (release != null) {
                writes.delete(release);
            }
            status.phase = "Deleting";
            status.message = "Uninstalling: no longer wanted";
        }
        return status;
    }

    static boolean isReady(ComponentStatus status) {
        return status != null && status.ready;
    }
}
