package dev.hearth.bundle.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import dev.hearth.core.upstream.Flux;
import dev.hearth.core.upstream.FluxReady;
import io.fabric8.kubernetes.api.model.Namespace;

/**
 * One pass of applying a plan: each enabled component's namespace and release are written only once everything it
 * depends on is ready (so CRDs and webhooks serve before anything uses them), and what the plan deletes goes unless its
 * deletion policy keeps it. Returns what each component is doing.
 */
@ApplicationScoped
public class PlatformRollout {
    private final ComponentReleases releases;

    PlatformRollout(ComponentReleases releases) {
        this.releases = releases;
    }

    /**
     * @param remediateGivenUp whether a release whose retries are exhausted is reset once (not in a bundle upgrade:
     *     there it rolls the bundle back)
     */
    public Map<String, ComponentStatus> advance(
            Bundle bundle,
            String variant,
            PlatformSpec spec,
            Plan plan,
            Map<String, Flux.HelmRelease> current,
            boolean remediateGivenUp,
            InformedBundleObjects objects) {
        List<Component> wanted = wanted(bundle, variant, spec);
        writeSources(bundle, wanted, objects);
        Map<String, Namespace> namespaces = objects.namespaces(bundle);
        Map<String, ComponentStatus> statuses = new TreeMap<>();
        for (Component c : wanted) {
            Flux.HelmRelease release = current.get(c.name());
            ComponentStatus status = status(c, release);
            List<String> waitingFor = c.dependsOn().stream()
                    .filter(d -> !isReady(statuses.get(d)))
                    .sorted()
                    .toList();
            if (!waitingFor.isEmpty()) {
                status.waitingFor = new ArrayList<>(waitingFor);
                status.phase = release == null ? "Pending" : "Upgrading";
                status.message = "Waits for " + String.join(", ", waitingFor) + " to be ready";
            } else {
                // a rolled-back release keeps its newer CRDs until the bundle takes it to another version
                boolean keepCrds = release != null
                        && ComponentReleases.keepsCrds(release)
                        && ComponentReleases.specVersion(release)
                                .equals(c.chart().version());
                Optional<StuckReleases.Remediation> remediation = StuckReleases.of(release, remediateGivenUp);
                describe(status, c, write(bundle, spec, c, keepCrds, release, namespaces, remediation, objects), false);
                remediation.ifPresent(r -> remediated(status, c, r));
            }
            statuses.put(c.name(), status);
        }
        prune(bundle, spec, plan, current, statuses, objects);
        return statuses;
    }

    /**
     * One pass of going back to {@code good} (the last good revision) after a failed upgrade, in reverse dependency
     * order: a component goes back only once everything depending on it is back and ready, what the good revision
     * does not have is deleted first, and no release's upgrade replaces CRDs (a newer CRD stays: objects written since
     * may need its fields).
     */
    public Map<String, ComponentStatus> rollBack(
            Bundle good,
            String variant,
            PlatformSpec spec,
            Plan plan,
            Map<String, Flux.HelmRelease> current,
            InformedBundleObjects objects) {
        List<Component> wanted = wanted(good, variant, spec);
        writeSources(good, wanted, objects);
        Map<String, Namespace> namespaces = objects.namespaces(good);
        Map<String, ComponentStatus> statuses = new TreeMap<>();
        prune(good, spec, plan, current, statuses, objects);
        Map<String, RollbackOrder.Release> asked = new java.util.HashMap<>();
        current.forEach((name, release) -> asked.put(
                name,
                new RollbackOrder.Release(
                        ComponentReleases.specVersion(release), ComponentReleases.keepsCrds(release))));
        for (RollbackOrder.Step step : RollbackOrder.pass(wanted, asked, go -> {
            Component c = go.component();
            Flux.HelmRelease release = current.get(c.name());
            ComponentStatus status = status(c, release);
            Optional<StuckReleases.Remediation> remediation = StuckReleases.of(release, false);
            describe(status, c, write(good, spec, c, go.keepCrds(), release, namespaces, remediation, objects), true);
            remediation.ifPresent(r -> remediated(status, c, r));
            statuses.put(c.name(), status);
            return status.ready;
        })) {
            if (!step.goes()) {
                Component c = step.component();
                ComponentStatus status = status(c, current.get(c.name()));
                status.waitingFor = new ArrayList<>(step.waitingFor());
                status.phase = "RollingBack";
                status.message = "Goes back to " + c.chart().version() + " once " + String.join(", ", step.waitingFor())
                        + " went back";
                statuses.put(c.name(), status);
            }
        }
        return statuses;
    }

    /** The variant's components the spec enables (optional ones only when enabled), in dependency order. */
    static List<Component> wanted(Bundle bundle, String variant, PlatformSpec spec) {
        Map<String, Boolean> enabled = PlatformInputs.enabled(spec);
        return DependencyOrder.of(bundle.forVariant(variant)).stream()
                .filter(c -> enabled.getOrDefault(c.name(), !c.optional()))
                .toList();
    }

    private static void writeSources(Bundle bundle, List<Component> wanted, InformedBundleObjects objects) {
        Map<String, Flux.HelmRepository> sources = objects.sources(bundle);
        new java.util.TreeSet<>(wanted.stream().map(c -> c.chart().repository()).toList())
                .forEach(repository -> objects.apply(
                        SourceFor.desired(bundle.name(), repository), sources.get(SourceFor.name(repository))));
    }

    private static ComponentStatus status(Component c, Flux.HelmRelease release) {
        ComponentStatus status = new ComponentStatus();
        status.wantedChartVersion = c.chart().version();
        if (release != null) {
            status.chartVersion = ComponentReleases.deployedVersion(release).orElse(null);
        }
        return status;
    }

    /** Writes the component's namespace and release where they differ from what is there; returns the release. */
    private static Flux.HelmRelease write(
            Bundle bundle,
            PlatformSpec spec,
            Component c,
            boolean keepCrds,
            Flux.HelmRelease current,
            Map<String, Namespace> namespaces,
            Optional<StuckReleases.Remediation> remediation,
            InformedBundleObjects objects) {
        Map<String, JsonNode> overrides = PlatformInputs.overrides(spec);
        Namespace namespace =
                objects.apply(ComponentNamespaceFor.desired(bundle.name(), c), namespaces.get(c.namespace()));
        // components sharing a namespace: the second one finds it as just written
        namespaces.put(c.namespace(), namespace);
        String retryRequest = PlatformInputs.retryRequest(spec, c.name());
        Flux.HelmRelease desired = ComponentReleaseFor.desired(
                bundle.name(),
                c,
                WantedValues.of(c, overrides.get(c.name())),
                remediation.map(r -> r.token(retryRequest)).orElse(retryRequest),
                keepCrds);
        return objects.apply(
                remediation.map(r -> StuckReleases.remember(desired, r)).orElse(desired), current);
    }

    /** A stuck release, reset and forced (this pass, or before for the same state): said in its status. */
    private static void remediated(ComponentStatus status, Component c, StuckReleases.Remediation remediation) {
        if (!remediation.stuck()) {
            return;
        }
        status.reason = StuckReleases.REASON;
        status.message = StuckReleases.message(c.name(), remediation);
        if (remediation.fresh() && "Failed".equals(status.phase)) {
            // Flux runs it again now: not given up on until it gives up again
            status.phase = status.chartVersion == null ? "Installing" : "Upgrading";
        }
    }

    private static void prune(
            Bundle bundle,
            PlatformSpec spec,
            Plan plan,
            Map<String, Flux.HelmRelease> current,
            Map<String, ComponentStatus> statuses,
            InformedBundleObjects objects) {
        for (PlanStep step : plan.steps()) {
            if (step.action() == PlanStep.Action.DELETE) {
                statuses.put(
                        step.component(),
                        prune(bundle, spec, step.component(), current.get(step.component()), objects));
            }
        }
    }

    private void describe(ComponentStatus status, Component c, Flux.HelmRelease release, boolean rollingBack) {
        FluxReady flux = FluxReady.of(release);
        status.chartVersion = ComponentReleases.deployedVersion(release).orElse(null);
        status.ready = releases.ready(release, c.chart().version(), c.readiness());
        status.reason = flux.reason();
        status.failures = ComponentReleases.failures(release);
        if (status.ready) {
            status.phase = "Ready";
            status.message = "Installed " + c.chart().name() + " " + c.chart().version();
        } else if (ComponentReleases.gaveUp(release)) {
            status.phase = "Failed";
            status.message = flux.message();
        } else if (rollingBack) {
            status.phase = "RollingBack";
            status.message = "Going back to " + c.chart().name() + " "
                    + c.chart().version() + (flux.isFalse() ? ": " + flux.message() : "");
        } else if (flux.isFalse()) {
            // Flux retries (remediation) before it gives up
            status.phase = status.chartVersion == null ? "Installing" : "Upgrading";
            status.message = "Retrying after " + status.failures + " failure(s): " + flux.message();
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

    private static ComponentStatus prune(
            Bundle bundle, PlatformSpec spec, String name, Flux.HelmRelease release, InformedBundleObjects objects) {
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
                objects.delete(release);
            }
            status.phase = "Deleting";
            status.message = "Uninstalling: no longer wanted";
        }
        return status;
    }

    /** Components that were ready at the last look: the plan says what the others still wait for. */
    static java.util.Set<String> readyComponents(dev.hearth.core.api.platform.PlatformStatus status) {
        java.util.Set<String> ready = new java.util.HashSet<>();
        status.components.forEach((name, c) -> {
            if (c.ready) {
                ready.add(name);
            }
        });
        return ready;
    }

    static boolean isReady(ComponentStatus status) {
        return status != null && status.ready;
    }
}
