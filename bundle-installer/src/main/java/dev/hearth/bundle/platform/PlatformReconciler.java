package dev.hearth.bundle.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.plan.Plan;
import dev.hearth.bundle.plan.PlanStep;
import dev.hearth.bundle.validation.BundleValidation;
import dev.hearth.bundle.validation.Environment;
import dev.hearth.core.api.platform.Platform;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.api.platform.PlatformStatus;
import dev.hearth.core.events.EventRecorder;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.operator.ServiceReconciler;
import dev.hearth.core.status.ReadyCondition;
import dev.hearth.core.status.StatusWriter;
import dev.hearth.core.upstream.Flux;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.rate.RateLimited;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;

/**
 * Platform → its bundle's components as Flux HelmReleases: validate, plan (in status), wait for approval when
 * Manual, then advance in dependency order, each component once its dependencies are ready; Ready when every enabled
 * component is ready at its wanted version. An upgrade Flux gives up on goes back to the last good bundle version, in
 * reverse dependency order, unless a migration deployed since forbids it. Woken by its releases, sources and
 * namespaces ({@link BundleInformers}); the resyncs are a safety net, but for readiness expressions ({@link NextLook}).
 */
@ControllerConfiguration(name = "platform")
// helm-controller writes each release's status several times during an install, and each write wakes the Platform:
// passes at most every half second, each on the latest state, not one per write
@RateLimited(maxReconciliations = 1, within = 500, unit = TimeUnit.MILLISECONDS)
public class PlatformReconciler implements ServiceReconciler<Platform> {
    private static final ReadyCondition READY = ReadyCondition.systemClock();

    private final PlatformBundles bundles;
    private final PlatformRollout rollout;
    private final ServerSideApply writes;
    private final StatusWriter statusWriter;
    private final KubernetesClient client;
    private final EventRecorder events;
    private final PlatformRollback rollback;
    private final Duration whenReady;
    private final Duration whileRollingOut;
    private final ComponentValues values;

    PlatformReconciler(
            @ConfigProperty(name = "hearth.bundle.resync-when-ready", defaultValue = "10m") Duration whenReady,
            @ConfigProperty(name = "hearth.bundle.resync-while-rolling-out", defaultValue = "1m")
                    Duration whileRollingOut,
            PlatformBundles bundles,
            ServerSideApply writes,
            PlatformRollout rollout,
            PlatformRollback rollback,
            ComponentValues values,
            StatusWriter statusWriter,
            KubernetesClient client,
            EventRecorder events) {
        this.whenReady = whenReady;
        this.whileRollingOut = whileRollingOut;
        this.writes = writes;
        this.values = values;
        this.events = events;
        this.rollback = rollback;
        this.bundles = bundles;
        this.rollout = rollout;
        this.statusWriter = statusWriter;
        this.client = client;
    }

    @Override
    public List<EventSource<?, Platform>> prepareEventSources(EventSourceContext<Platform> context) {
        return BundleInformers.of(context);
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
        List<String> badValues = values.problems(bundle, variant, spec);
        if (!badValues.isEmpty()) {
            return refuse(platform, status, context, transitions, "InvalidValues", String.join("; ", badValues));
        }
        InformedBundleObjects objects = new InformedBundleObjects(context, writes);
        Map<String, Flux.HelmRelease> current = objects.releases(bundle);
        Plan plan = PlatformInputs.plan(bundle, variant, spec, current, status);
        status.plan = PlanStatuses.of(plan, spec.upgradePolicy);
        // a plan that failed is not applied again (its approval is spent): the rollback has a plan of its own
        Optional<PlatformStatus.Revision> failed = PlatformRollback.failedUpgrade(status, bundle, plan);
        if (failed.isPresent()) {
            return rollBack(platform, status, context, transitions, bundle, variant, current, failed.get(), objects);
        }
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
        boolean upgrade = status.version != null && !bundle.version().equals(status.version);
        status.components = rollout.advance(bundle, variant, spec, plan, current, !upgrade, objects);
        Migrations.record(status, bundle, variant);
        List<String> gaveUp = status.components.entrySet().stream()
                .filter(e -> "Failed".equals(e.getValue().phase))
                .map(e -> e.getKey() + ": " + e.getValue().message)
                .toList();
        if (!gaveUp.isEmpty() && upgrade) {
            // an upgrade Flux gave up on: the last good revision comes back, starting now
            PlatformStatus.Revision revision =
                    Revisions.of(bundle, variant, spec, plan, "Failed", String.join("; ", gaveUp));
            Revisions.add(status, revision);
            transitions.components(platform, status);
            events.warning(
                    platform,
                    "UpgradeFailed",
                    "The upgrade to " + bundle.version() + " failed (" + revision.message + "); rolling back to "
                            + status.version);
            return rollBack(platform, status, context, transitions, bundle, variant, current, revision, objects);
        }
        List<String> notReady = status.components.entrySet().stream()
                .filter(e -> !e.getValue().ready && !"Retained".equals(e.getValue().phase))
                .map(Map.Entry::getKey)
                .toList();
        if (notReady.isEmpty()) {
            if (!bundle.version().equals(status.version) || !plan.hash().equals(lastPlan(status))) {
                Revisions.add(status, Revisions.of(bundle, variant, spec, plan, "Applied", null));
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
        return UpdateControl.<Platform>noUpdate()
                .rescheduleAfter(
                        notReady.isEmpty() ? whenReady : NextLook.after(status.components, current, whileRollingOut));
    }

    /** One pass back to the last good revision, said in the Ready condition. */
    private UpdateControl<Platform> rollBack(
            Platform platform,
            PlatformStatus status,
            Context<Platform> context,
            PlatformTransitions transitions,
            Bundle failed,
            String variant,
            Map<String, Flux.HelmRelease> current,
            PlatformStatus.Revision failure,
            InformedBundleObjects objects) {
        PlatformRollback.Outcome outcome =
                rollback.pass(platform.getSpec(), status, failed, variant, current, failure, objects);
        READY.notReady(platform, status, outcome.reason(), outcome.message());
        transitions.record(platform, status);
        statusWriter.writeIfChanged(context, platform, transitions.before());
        return switch (outcome.state()) {
            case ROLLING_BACK ->
                UpdateControl.<Platform>noUpdate()
                        .rescheduleAfter(NextLook.after(status.components, current, whileRollingOut));
            case ROLLED_BACK -> UpdateControl.<Platform>noUpdate().rescheduleAfter(whenReady);
            // nothing to do until the administrator changes the Platform
            case REFUSED, AWAITING_APPROVAL -> UpdateControl.noUpdate();
        };
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

    private static String lastPlan(PlatformStatus status) {
        return status.history.isEmpty() ? null : status.history.get(0).planHash;
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
