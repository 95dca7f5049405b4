package dev.hearth.bundle.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.plan.Plan;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.api.platform.PlatformStatus;
import dev.hearth.core.upstream.Flux;

/**
 * After a failed bundle upgrade: back to the last good bundle version (status.version) in reverse dependency order,
 * with that revision's own enabled and values, unless that would go below a chart version that migrated a component's
 * data since, or that version cannot be found. With {@code Manual} the rollback waits for its plan's hash to be
 * approved, as any change does.
 */
@ApplicationScoped
public class PlatformRollback {
    private final PlatformBundles bundles;
    private final PlatformRollout rollout;

    PlatformRollback(PlatformBundles bundles, PlatformRollout rollout) {
        this.bundles = bundles;
        this.rollout = rollout;
    }

    public enum State {
        ROLLING_BACK,
        ROLLED_BACK,
        /** Manual: the rollback is a plan like any other, applied once its hash is approved. */
        AWAITING_APPROVAL,
        /** Not rolled back (a migration, or no last good bundle): nothing was written. */
        REFUSED
    }

    /** Where the rollback is, as the Ready condition says it. */
    public record Outcome(State state, String reason, String message) {}

    /**
     * The upgrade to this plan failed before (its newest revision in the history says Failed): until the plan changes
     * (another version, other values), the last good revision is what the cluster runs.
     */
    static Optional<PlatformStatus.Revision> failedUpgrade(PlatformStatus status, Bundle bundle, Plan plan) {
        return status.history.stream()
                .filter(r -> plan.hash().equals(r.planHash) && bundle.version().equals(r.version))
                .findFirst()
                .filter(r -> "Failed".equals(r.result));
    }

    /** One pass: sets the components' status and, once every one is back, a RolledBack revision. */
    Outcome pass(
            PlatformSpec spec,
            PlatformStatus status,
            Bundle failed,
            String variant,
            Map<String, Flux.HelmRelease> current,
            PlatformStatus.Revision failure,
            InformedBundleObjects objects) {
        String upgrade = "The upgrade to " + failed.version() + " failed (" + failure.message + ")";
        PlatformSpec.Bundle lastGood = new PlatformSpec.Bundle();
        lastGood.name = spec.bundle.name;
        lastGood.version = status.version;
        lastGood.variant = spec.bundle.variant;
        PlatformBundles.Result found = bundles.find(lastGood);
        if (found.bundle() == null) {
            return new Outcome(
                    State.REFUSED,
                    "RollbackImpossible",
                    upgrade + "; cannot roll back to " + status.version + ": " + found.problem());
        }
        Bundle good = found.bundle();
        Optional<String> migration = Migrations.crossed(status, good, variant);
        if (migration.isPresent()) {
            return new Outcome(
                    State.REFUSED,
                    "RollbackRefused",
                    upgrade + "; not rolled back to " + good.version() + ": " + migration.get()
                            + ". Fix the upgrade forward: change the bundle version or the failing component's values");
        }
        // the good revision as it ran: its own enabled and values, not those the failed upgrade came with
        PlatformSpec then = RevisionSettings.lastGood(status, good.version())
                .map(r -> RevisionSettings.restore(spec, r))
                .orElse(spec);
        Plan back = PlatformInputs.plan(good, variant, then, current, status);
        status.plan = PlanStatuses.of(back, spec.upgradePolicy);
        if (!status.plan.approved) {
            return new Outcome(
                    State.AWAITING_APPROVAL,
                    "AwaitingApproval",
                    upgrade + "; the rollback to " + good.version() + " changes " + status.plan.steps.size()
                            + " component(s); approve it with spec.upgradePolicy.approvedPlan: " + back.hash());
        }
        status.components = rollout.rollBack(good, variant, then, back, current, objects);
        List<String> notBack = status.components.entrySet().stream()
                .filter(e -> !e.getValue().ready && !"Retained".equals(e.getValue().phase))
                .map(Map.Entry::getKey)
                .toList();
        if (!notBack.isEmpty()) {
            return new Outcome(
                    State.ROLLING_BACK,
                    "RollingBack",
                    upgrade + "; rolling back to " + good.version() + ", dependents first. Waiting for "
                            + String.join(", ", notBack));
        }
        if (!"RolledBack".equals(status.history.get(0).result)) {
            Revisions.add(
                    status,
                    Revisions.of(
                            good,
                            variant,
                            then,
                            back,
                            "RolledBack",
                            "after the failed upgrade to " + failed.version()));
        }
        return new Outcome(
                State.ROLLED_BACK,
                "RolledBack",
                upgrade + "; rolled back to " + good.version()
                        + ". Change spec.bundle.version or the failing component to try again");
    }
}
