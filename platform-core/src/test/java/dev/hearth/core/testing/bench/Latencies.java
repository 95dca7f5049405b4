package dev.hearth.core.testing.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Start and end times per key (e.g. created → Ready), and the percentiles of their differences. */
public final class Latencies {
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, Long> ended = new ConcurrentHashMap<>();

    public void start(String key) {
        started.putIfAbsent(key, System.nanoTime());
    }

    /** Records the first end of {@code key}; returns whether this call was the first. */
    public boolean end(String key) {
        return ended.putIfAbsent(key, System.nanoTime()) == null;
    }

    public int ended() {
        return ended.size();
    }

    /** The seconds after {@code origin} at which the keys slower than {@code millis} started, in order: when the stalls were. */
    public List<String> slowerThan(double millis, long origin) {
        List<long[]> slow = new ArrayList<>();
        started.forEach((key, start) -> {
            Long end = ended.get(key);
            if (end != null && (end - start) / 1e6 > millis) {
                slow.add(new long[] {start - origin, end - start});
            }
        });
        slow.sort((a, b) -> Long.compare(a[0], b[0]));
        return slow.stream()
                .map(s -> String.format("%.1fs:%dms", s[0] / 1e9, s[1] / 1_000_000))
                .toList();
    }

    /** The {@code p}-th percentile (nearest rank) of end − start in milliseconds, over the keys that have both. */
    public double percentileMillis(int p) {
        List<Double> sorted = new ArrayList<>();
        started.forEach((key, start) -> {
            Long end = ended.get(key);
            if (end != null) {
                sorted.add(Math.max(0, (end - start) / 1e6));
            }
        });
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }
}
