package dev.hearth.catalog.instance;

import java.util.Objects;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * What a change of a HelmRelease asks of apps-catalog. helm-controller writes a release's status several times per
 * install or upgrade; those changes only have to be mirrored on the instance, while a change to what apps-catalog
 * writes (spec, labels, annotations, owner) may be a hand edit to undo. Sending the status changes through the apply
 * queue kept it busy during a burst, and status writes wait while it is ({@link StatusHold}): instances lagged their
 * releases by seconds.
 */
enum ReleaseChange {
    /** Only the status (or fields apps-catalog does not write, such as Flux's finalizer) changed. */
    STATUS,
    /** Something apps-catalog writes changed, or the release appeared or went. */
    DESIRED;

    static ReleaseChange of(HasMetadata old, HasMetadata changed) {
        ObjectMeta before = old.getMetadata();
        ObjectMeta after = changed.getMetadata();
        boolean same = Objects.equals(before.getGeneration(), after.getGeneration())
                && Objects.equals(before.getLabels(), after.getLabels())
                && Objects.equals(before.getAnnotations(), after.getAnnotations())
                && Objects.equals(before.getOwnerReferences(), after.getOwnerReferences());
        return same ? STATUS : DESIRED;
    }
}
