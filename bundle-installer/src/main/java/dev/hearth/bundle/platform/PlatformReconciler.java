package dev.hearth.bundle.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.plan.Installed;
import dev.hearth.bundle.plan.Plan;
import dev.hearth.bundle.plan.PlanStep;
import dev.hearth.bundle.plan.Planner;
import dev.hearth.bundle.validation.BundleValidation;
import dev.hearth.bundle.validation.Environment;
import dev.hearth.core.api.platform.Platform;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.api.platform.PlatformStatus;
import dev.hearth.core.events.EventRecorder;
import dev.hearth.core.operator.ServiceReconciler;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.status.StatusWriter;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * Platform → its bundle's components as Flux HelmReleases: validate, plan (in status), wait for approval when
 * Manual, then advance in dependency order, each component once its dependencies are ready; Ready when every enabled
 * component is ready at its wanted version. An upgrade Flux gives up on goes back to the last good bundle version, in
 * reverse dependency order, unless a migration deployed since forbids it. Looks again every few seconds while anything
 * is on its way.
 */
@ControllerConfiguration(name = "platform")
public class PlatformReconciler implements ServiceReconciler<Platform> {
    private static final Duration WHILE_ROLLING_OUT = Duration.ofSeconds(3);
    private static final Duration WHEN_READY = Duration.ofMinutes(1);
    private static final int HISTORY = 10;
    private static final int MESSAGE = 500;
    private static final ReadyCondition READY = ReadyCondition.systemClock();

    private final PlatformBundles bundles;
    private final ComponentReleases releases;
    private final PlatformRollout rollout;
    private final StatusWriter statusWriter;
    private final KubernetesClient client;
    private final EventRecorder events;

    PlatformReconciler(
            PlatformBundles bundles,
            ComponentReleases releases,
            PlatformRollout rollout,
            StatusWriter statusWriter,
            KubernetesClient client,
            EventRecorder events) {
        this.events = events;
        this.bundles = bundles;
        this.releases = releases;
        this.rollout = rollout;
        this.statusWriter = statusWriter;
        this.client = client;
    }

    @Override
    public UpdateControl<Platform> reconcile(Platform platform, Context<Platform> context) {
        PlatformStatus status = status(platform);
        PlatformTransitions transitions = new PlatformTransitions(events, status);
        JsonNode before = transitions.before();
        PlatformSpec spec = platform.getSpec();
        PlatformBundles.Result found = bundles.find(spec.bundle);
        if (found.bundle() == null) {
            return refuse(platform, status, context, transitions, "UnknownBundle", found.problem());
        }
        Bundle bundle = found.bundle();
        List<String> problems = BundleValidation.problems(bundle, new Environment(kubernetesMinor(), null));
        if (!problems.isEmpty()) {
            return refuse(platform, status, context, transitions, "InvalidBundle", String.join("; ", problems));
        }
        String variant = PlatformInputs.variant(spec);
        Map<String, Flux.HelmRelease> current = releases.of(bundle.name());
        Map<String, Installed> installed = new java.util.HashMap<>();
        current.forEach((name, release) -> installed.put(name, ComponentReleases.installed(name, release)));
        Plan plan = Planner.plan(
                bundle,
                variant,
                PlatformInputs.enabled(spec),
                PlatformInputs.overrides(spec),
                installed,
                readyComponents(status));
        status.plan = PlanStatuses.of(plan, spec.upgradePolicy);
        if (!status.plan.approved) {
            READY.notReady(
                    platform,
                    status,
                    "AwaitingApproval",
                    "The plan changes "
                            + plan.steps().stream().filter(PlanStep::changes).count()
                            + " component(s); approve it with spec.upgradePolicy.approvedPlan: " + plan.hash());
            transitions.record(platform, status);
            statusWriter.writeIfChanged(context, platform, before);
            return UpdateControl.noUpdate();
        }
        Optional<PlatformStatus.Revision> failed = failedUpgrade(status, bundle, plan);
        if (failed.isPresent()) {
            return rollBack(platform, status, context, transitions, bundle, variant, current, failed.get());
        }
        status.components = rollout.advance(bundle, variant, spec, plan, current);
        Migrations.record(status, bundle, variant);
        List<String> gaveUp = status.components.entrySet().stream()
                .filter(e -> "Failed".equals(e.getValue().phase))
                .map(e -> e.getKey() + ": " + e.getValue().message)
                .toList();
        if (!gaveUp.isEmpty() && status.version != null && !bundle.version().equals(status.version)) {
            // an upgrade Flux gave up on: the last good revision comes back, starting now
            PlatformStatus.Revision revision = revision(bundle, plan, "Failed", String.join("; ", gaveUp));
            addToHistory(status, revision);
            transitions.components(platform, status);
            events.warning(
                    platform,
                    "UpgradeFailed",
                    "The upgrade to " + bundle.version() + " failed (" + revision.message + "); rolling back to "
                            + status.version);
            return rollBack(platform, status, context, transitions, bundle, variant, current, revision);
        }
        List<String> notReady = status.components.entrySet().stream()
                .filter(e -> !e.getValue().ready && !"Retained".equals(e.getValue().phase))
                .map(Map.Entry::getKey)
                .toList();
        if (notReady.isEmpty()) {
            if (!bundle.version().equals(status.version) || !plan.hash().equals(lastPlan(status))) {
                addToHistory(status, revision(bundle, plan, "Applied", null));
            }
            status.version = bundle.version();
            READY.ready(
                    platform,
                    status,
                    "BundleReady",
                    "Every component of " + bundle.name() + " " + bundle.version() + " (" + variant + ") is ready");
        } else {
            READY.notReady(
                    platform,
                    status,
                    "RollingOut",
                    "Waiting for " + notReady.size() + " component(s): " + String.join(", ", notReady));
        }
        transitions.record(platform, status);
        statusWriter.writeIfChanged(context, platform, before);
        return UpdateControl.<Platform>noUpdate().rescheduleAfter(notReady.isEmpty() ? WHEN_READY : WHILE_ROLLING_OUT);
    }

    /**
     * The upgrade to this plan failed before (its newest revision in the history says Failed): until the plan
     * changes (another version, other values), the last good revision is what the cluster runs.
     */
    private static Optional<PlatformStatus.Revision> failedUpgrade(PlatformStatus status, Bundle bundle, Plan plan) {
        return status.history.stream()
                .filter(r -> plan.hash().equals(r.planHash) && bundle.version().equals(r.version))
                .findFirst()
                .filter(r -> "Failed".equals(r.result));
    }

    /**
     * Back to the last good bundle version (status.version) in reverse dependency order, unless that would go below a
     * chart version that migrated a component's data since.
     */
    private UpdateControl<Platform> rollBack(
            Platform platform,
            PlatformStatus status,
            Context<Platform> context,
            PlatformTransitions transitions,
            Bundle failed,
            String variant,
            Map<String, Flux.HelmRelease> current,
            PlatformStatus.Revision failure) {
        PlatformSpec spec = platform.getSpec();
        String upgrade = "The upgrade to " + failed.version() + " failed (" + failure.message + ")";
        PlatformSpec.Bundle lastGood = new PlatformSpec.Bundle();
        lastGood.name = spec.bundle.name;
        lastGood.version = status.version;
        lastGood.variant = spec.bundle.variant;
        PlatformBundles.Result found = bundles.find(lastGood);
        if (found.bundle() == null) {
            return refuse(
                    platform,
                    status,
                    context,
                    transitions,
                    "RollbackImpossible",
                    upgrade + "; cannot roll back to " + status.version + ": " + found.problem());
        }
        Bundle good = found.bundle();
        Optional<String> migration = Migrations.crossed(status, good, variant);
        if (migration.isPresent()) {
            return refuse(
                    platform,
                    status,
                    context,
                    transitions,
                    "RollbackRefused",
                    upgrade + "; not rolled back to " + good.version() + ": " + migration.get()
                            + ". Fix the upgrade forward: change the bundle version or the failing component's values");
        }
        Map<String, Installed> installed = new java.util.HashMap<>();
        current.forEach((name, release) -> installed.put(name, ComponentReleases.installed(name, release)));
        Plan back = Planner.plan(
                good,
                variant,
                PlatformInputs.enabled(spec),
                PlatformInputs.overrides(spec),
                installed,
                readyComponents(status));
        status.components = rollout.rollBack(good, variant, spec, back, current);
        List<String> notBack = status.components.entrySet().stream()
                .filter(e -> !e.getValue().ready && !"Retained".equals(e.getValue().phase))
                .map(Map.Entry::getKey)
                .toList();
        if (notBack.isEmpty()) {
            if (!"RolledBack".equals(status.history.get(0).result)) {
                addToHistory(
                        status, revision(good, back, "RolledBack", "after the failed upgrade to " + failed.version()));
            }
            READY.notReady(
                    platform,
                    status,
                    "RolledBack",
                    upgrade + "; rolled back to " + good.version()
                            + ". Change spec.bundle.version or the failing component to try again");
        } else {
            READY.notReady(
                    platform,
                    status,
                    "RollingBack",
                    upgrade + "; rolling back to " + good.version() + ", dependents first. Waiting for "
                            + String.join(", ", notBack));
        }
        transitions.record(platform, status);
        statusWriter.writeIfChanged(context, platform, transitions.before());
        return UpdateControl.<Platform>noUpdate().rescheduleAfter(notBack.isEmpty() ? WHEN_READY : WHILE_ROLLING_OUT);
    }

    private static void addToHistory(PlatformStatus status, PlatformStatus.Revision revision) {
        status.history.add(0, revision);
        status.history = new java.util.ArrayList<>(status.history.subList(0, Math.min(HISTORY, status.history.size())));
    }

    @Override
    public ErrorStatusUpdateControl<Platform> updateErrorStatus(
            Platform platform, Context<Platform> context, Exception e) {
        return statusWriter.reconcileFailed(context, platform, READY, PlatformReconciler::status, "", e);
    }

    private UpdateControl<Platform> refuse(
            Platform platform,
            PlatformStatus status,
            Context<Platform> context,
            PlatformTransitions transitions,
            String reason,
            String message) {
        READY.notReady(platform, status, reason, message);
        transitions.record(platform, status);
        statusWriter.writeIfChanged(context, platform, transitions.before());
        return UpdateControl.noUpdate();
    }

    /** Components that were ready at the last look: the plan says what the others still wait for. */
    private static java.util.Set<String> readyComponents(PlatformStatus status) {
        java.util.Set<String> ready = new java.util.HashSet<>();
        status.components.forEach((name, c) -> {
            if (c.ready) {
                ready.add(name);
            }
        });
        return ready;
    }

    private static String lastPlan(PlatformStatus status) {
        return status.history.isEmpty() ? null : status.history.get(0).planHash;
    }

    private static PlatformStatus.Revision revision(Bundle bundle, Plan plan, String result, String message) {
        PlatformStatus.Revision revision = new PlatformStatus.Revision();
        revision.version = bundle.version();
        revision.planHash = plan.hash();
        revision.appliedAt = Instant.now().toString();
        revision.result = result;
        revision.message =
                message == null || message.length() <= MESSAGE ? message : message.substring(0, MESSAGE) + "...";
        return revision;
    }

    private String kubernetesMinor() {
        var version = client.getKubernetesVersion();
        return version.getMajor() + "." + version.getMinor().replaceAll("[^0-9]", "");
    }

    private static PlatformStatus status(Platform platform) {
        if (platform.getStatus() == null) {
            platform.setStatus(new PlatformStatus());
        }
        return platform.getStatus();
    }
}
