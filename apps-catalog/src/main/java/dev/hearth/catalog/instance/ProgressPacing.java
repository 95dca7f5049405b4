package dev.hearth.catalog.instance;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * At most one status write per interval for each instance whose release is on its way. During an install Flux
 * changes its release's Ready reason and message several times within seconds (waiting for the chart, the install
 * running, the chart's version); each is a status write the API server pays for, while the user only waits for the
 * outcome. So a status that is not Ready goes at once only when the instance's previous status write is older than
 * the interval, else it waits until then and goes as the latest status; {@code Ready=True} always goes at once, and
 * the first sign of a change after it too.
 */
final class ProgressPacing {
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    /** When the not-Ready status of an instance was last written. */
    private final Map<String, Long> lastWrite = new ConcurrentHashMap<>();

    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    ProgressPacing(long intervalNanos, LongSupplier nanoClock) {
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
    }

    /** Whether the status write of {@code key} must wait now; a write that must is remembered. */
    boolean defers(String key, boolean ready) {
        Long last = lastWrite.get(key);
        if (ready || last == null || nanoClock.getAsLong() - last >= intervalNanos) {
            waiting.remove(key);
            return false;
        }
        waiting.add(key);
        return true;
    }

    void wrote(String key, boolean ready) {
        if (ready) {
            lastWrite.remove(key);
        } else {
            lastWrite.put(key, nanoClock.getAsLong());
        }
    }

    /** Hands {@code retry} each waiting write whose interval is over. */
    void release(Consumer<String> retry) {
        long now = nanoClock.getAsLong();
        waiting.forEach(key -> {
            Long last = lastWrite.get(key);
            if (last == null || now - last >= intervalNanos) {
                waiting.remove(key);
                retry.accept(key);
            }
        });
    }

    void forget(String key) {
        lastWrite.remove(key);
        waiting.remove(key);
    }
}
