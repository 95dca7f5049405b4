package dev.hearth.catalog.instance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Status writes held back while HelmReleases are being written. A status write costs the API server as much as a
 * release, so in a burst of new instances the releases go first; a held write goes ahead once no release is being
 * written, or after the longest hold in any case, and is then the latest status.
 */
final class StatusHold {
    private final Map<String, Long> heldSince = new ConcurrentHashMap<>();
    private final BooleanSupplier writingReleases;
    private final long longestHoldNanos;
    private final LongSupplier nanoClock;

    StatusHold(BooleanSupplier writingReleases, long longestHoldNanos, LongSupplier nanoClock) {
        this.writingReleases = writingReleases;
        this.longestHoldNanos = longestHoldNanos;
        this.nanoClock = nanoClock;
    }

    /** Whether the status write of {@code key} must wait now; a write that must is remembered. */
    boolean holds(String key) {
        long now = nanoClock.getAsLong();
        Long since = heldSince.get(key);
        if (writingReleases.getAsBoolean() && (since == null || now - since < longestHoldNanos)) {
            heldSince.putIfAbsent(key, now);
            return true;
        }
        heldSince.remove(key);
        return false;
    }

    /** Hands {@code retry} each held write that may go now. */
    void release(Consumer<String> retry) {
        boolean writing = writingReleases.getAsBoolean();
        long now = nanoClock.getAsLong();
        heldSince.forEach((key, since) -> {
            if (!writing || now - since >= longestHoldNanos) {
                retry.accept(key);
            }
        });
    }

    void forget(String key) {
        heldSince.remove(key);
    }
}
