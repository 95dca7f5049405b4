package dev.hearth.bundle.platform;

import java.util.ArrayList;

import dev.hearth.bundle.plan.Plan;
import dev.hearth.bundle.plan.PlanStep;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.api.platform.PlatformStatus;

/** The plan as the Platform's status shows it, and whether it may be applied. */
final class PlanStatuses {
    private PlanStatuses() {}

    static PlatformStatus.PlanStatus of(Plan plan, PlatformSpec.UpgradePolicy policy) {
        PlatformStatus.PlanStatus status = new PlatformStatus.PlanStatus();
        status.hash = plan.hash();
        status.steps = new ArrayList<>(plan.steps().stream()
                .filter(PlanStep::changes)
                .map(PlanStep::toString)
                .toList());
        boolean manual = policy != null && policy.mode == PlatformSpec.Mode.Manual;
        // an unchanged plan needs no approval: nothing is written
        status.approved = !manual || !plan.changes() || plan.hash().equals(policy.approvedPlan);
        return status;
    }
}
