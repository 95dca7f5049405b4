package dev.hearth.catalog.queue;

import java.time.Duration;

/** How long a failed key waits before its next try: {@code initial}, doubling with each failure, at most {@code ceiling}. */
public record Backoff(Duration initial, Duration ceiling) {
    /** 1 s, 2 s, 4 s, ... up to 5 min. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    public Backoff {
        if (initial.isNegative() || initial.isZero() || ceiling.compareTo(initial) < 0) {
            throw new IllegalArgumentException("a back-off needs 0 < initial <= ceiling");
        }
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    public Duration after(int failures) {
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(ceiling) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(ceiling) < 0 ? delay : ceiling;
    }
}
