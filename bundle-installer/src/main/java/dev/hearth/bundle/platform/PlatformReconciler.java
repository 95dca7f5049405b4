package dev.hearth.bundle.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * component is ready at its wanted version. Looks again every few seconds while anything is on its way.
 */
@ControllerConfiguration(name = "platform")
public class PlatformReconciler implements ServiceReconciler<Platform> {
    private static final Duration WHILE_ROLLING_OUT = Duration.ofSeconds(3);
    private static final Duration WHEN_READY = Duration.ofMinutes(1);
    private static final int HISTORY = 10;
    private static final ReadyCondition READY = ReadyCondition.systemClock();

    private final PlatformBundles bundles;
    private final ComponentReleases releases;
    private final PlatformRollout rollout;
    private final StatusWriter statusWriter;
    private final KubernetesClient client;

    PlatformReconciler(
            PlatformBundles bundles,
            ComponentReleases releases,
            PlatformRollout rollout,
            StatusWriter statusWriter,
            KubernetesClient client) {
        this.bundles = bundles;
        this.releases = releases;
        this.rollout = rollout;
        this.statusWriter = statusWriter;
        this.client = client;
    }

    @Override
    public UpdateControl<Platform> reconcile(Platform platform, Context<Platform> context) {
        JsonNode before = StatusWriter.snapshot(platform.getStatus());
        PlatformStatus status = status(platform);
        PlatformSpec spec = platform.getSpec();
        PlatformBundles.Result found = bundles.find(spec.bundle);
        if (found.bundle() == null) {
            return refuse(platform, status, context, before, "UnknownBundle", found.problem());
        }
        Bundle bundle = found.bundle();
        List<String> problems = BundleValidation.problems(bundle, new Environment(kubernetesMinor(), null));
        if (!problems.isEmpty()) {
            return refuse(platform, status, context, before, "InvalidBundle", String.join("; ", problems));
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
            statusWriter.writeIfChanged(context, platform, before);
            return UpdateControl.noUpdate();
        }
        status.components = rollout.advance(bundle, variant, spec, plan, current);
        List<String> notReady = status.components.entrySet().stream()
                .filter(e -> !e.getValue().ready && !"Retained".equals(e.getValue().phase))
                .map(Map.Entry::getKey)
                .toList();
        if (notReady.isEmpty()) {
            if (!bundle.version().equals(status.version) || !plan.hash().equals(lastPlan(status))) {
                status.history.add(0, revision(bundle, plan));
                status.history =
                        new java.util.ArrayList<>(status.history.subList(0, Math.min(HISTORY, status.history.size())));
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
        statusWriter.writeIfChanged(context, platform, before);
        return UpdateControl.<Platform>noUpdate().rescheduleAfter(notReady.isEmpty() ? WHEN_READY : WHILE_ROLLING_OUT);
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
            JsonNode before,
            String reason,
            String message) {
        READY.notReady(platform, status, reason, message);
        statusWriter.writeIfChanged(context, platform, before);
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

    private static PlatformStatus.Revision revision(Bundle bundle, Plan plan) {
        PlatformStatus.Revision revision = new PlatformStatus.Revision();
        revision.version = bundle.version();
        revision.planHash = plan.hash();
        revision.appliedAt = Instant.now().toString();
        revision.result = "Applied";
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
