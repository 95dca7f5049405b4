package dev.hearth.bundle.platform;

import java.time.Instant;
import java.util.ArrayList;

import dev.hearth.bundle.model.Bundle;
import dev.hearth.bundle.plan.Plan;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.api.platform.PlatformStatus;

/** The Platform's history of revisions: newest first, at most ten, each message cut to what a status should hold. */
final class Revisions {
    private static final int HISTORY = 10;
    private static final int MESSAGE = 500;

    private Revisions() {}

    /** A revision of {@code bundle} as the spec has it ({@link RevisionSettings}: what a rollback to it restores). */
    static PlatformStatus.Revision of(
            Bundle bundle, String variant, PlatformSpec spec, Plan plan, String result, String message) {
        PlatformStatus.Revision revision = new PlatformStatus.Revision();
        revision.components = RevisionSettings.of(bundle, variant, spec);
        revision.version = bundle.version();
        revision.planHash = plan.hash();
        revision.appliedAt = Instant.now().toString();
        revision.result = result;
        revision.message =
                message == null || message.length() <= MESSAGE ? message : message.substring(0, MESSAGE) + "...";
        return revision;
    }

    static void add(PlatformStatus status, PlatformStatus.Revision revision) {
        status.history.add(0, revision);
        status.history = new ArrayList<>(status.history.subList(0, Math.min(HISTORY, status.history.size())));
    }
}
