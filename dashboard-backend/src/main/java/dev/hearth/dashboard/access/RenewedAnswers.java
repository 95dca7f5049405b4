package dev.hearth.dashboard.access;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Answers of the API server kept for a TTL and never served older: past half the TTL a request still gets the answer
 * it has, and the question goes out again in the background (once per key at a time), so a caller who keeps using the
 * dashboard does not wait for it. Only a key never asked, or not asked for a whole TTL, waits.
 */
final class RenewedAnswers<K, V> {
    private record Answer<V>(long askedAt, V value) {}

    private final long ttl;
    private final Function<K, V> ask;
    private final Executor renewals;
    private final LongSupplier nanoTime;
    private final Map<K, Answer<V>> answers = new ConcurrentHashMap<>();
    private final Set<K> renewing = ConcurrentHashMap.newKeySet();

    RenewedAnswers(Duration ttl, Function<K, V> ask, Executor renewals, LongSupplier nanoTime) {
        this.ttl = ttl.toNanos();
        this.ask = ask;
        this.renewals = renewals;
        this.nanoTime = nanoTime;
    }

    V get(K key) {
        long now = nanoTime.getAsLong();
        answers.values().removeIf(a -> now - a.askedAt >= ttl);
        Answer<V> known = answers.get(key);
        if (known == null) {
            // not computeIfAbsent: the question is a remote call, which must not hold the map's lock; two at once
            // cost one more question, nothing else
            return renew(key);
        }
        if (now - known.askedAt > ttl / 2 && renewing.add(key)) {
            try {
                renewals.execute(() -> {
                    try {
                        renew(key);
                    } finally {
                        renewing.remove(key);
                    }
                });
            } catch (RuntimeException e) {
                renewing.remove(key);
                throw e;
            }
        }
        return known.value;
    }

    /** Asks now and keeps the answer in place of the known one: requests meanwhile get the known one, no gap. */
    V renew(K key) {
        long askedAt = nanoTime.getAsLong();
        V value = ask.apply(key);
        answers.merge(key, new Answer<>(askedAt, value), (old, asked) -> old.askedAt > asked.askedAt ? old : asked);
        return value;
    }
}
