package dev.hearth.catalog.queue;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * Keys to process, run on a pool shared with other queues: a key waits at most once, and never runs on two threads
 * at a time (a key added while it runs runs again once it is done). The pool's own queue keeps the keys in order.
 *
 * <p>A key whose action throws is tried again after an exponential back-off ({@link Backoff}), which a success resets.
 * A key added while it waits for its retry runs now, once: the retry is cancelled, and the back-off continues from
 * where it was should it fail again.
 */
public final class WorkQueue {
    private static final Logger LOG = Logger.getLogger(WorkQueue.class);

    private final String name;
    private final Executor pool;
    private final Timer timer;
    private final Backoff backoff;
    private final Consumer<String> action;
    private final Set<String> waiting = new HashSet<>();
    private final Set<String> running = new HashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Retry> retries = new HashMap<>();
    private boolean closed;

    /**
     * @param name what the keys are, for the log
     */
    public WorkQueue(String name, Executor pool, Timer timer, Backoff backoff, Consumer<String> action) {
        this.name = name;
        this.pool = pool;
        this.timer = timer;
        this.backoff = backoff;
        this.action = action;
    }

    public void add(String key) {
        if (submit(key)) {
            pool.execute(() -> run(key));
        }
    }

    /** Whether the key must be handed to the pool now. */
    private synchronized boolean submit(String key) {
        if (closed) {
            return false;
        }
        Retry retry = retries.remove(key);
        if (retry != null) {
            retry.cancel.run();
        }
        return waiting.add(key) && !running.contains(key);
    }

    private void run(String key) {
        synchronized (this) {
            waiting.remove(key);
            running.add(key);
        }
        RuntimeException failure = null;
        try {
            action.accept(key);
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean again;
        synchronized (this) {
            running.remove(key);
            if (failure == null) {
                failures.remove(key);
            } else if (!waiting.contains(key) && !closed) {
                scheduleRetry(key, failure);
            }
            again = waiting.contains(key) && !closed;
        }
        if (again) {
            pool.execute(() -> run(key));
        }
    }

    private void scheduleRetry(String key, RuntimeException failure) {
        int failed = failures.merge(key, 1, Integer::sum);
        Duration delay = backoff.after(failed);
        LOG.warnf("Reconciling %s %s failed, retrying in %s: %s", name, key, delay, failure.getMessage());
        Retry retry = new Retry(key);
        retries.put(key, retry);
        retry.cancel = timer.schedule(delay, retry);
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    /** Keys waiting for a retry after a failure. */
    public synchronized int retrying() {
        return retries.size();
    }

    /** Stops: no key runs any more, and no retry is left pending. */
    public synchronized void close() {
        closed = true;
        retries.values().forEach(retry -> retry.cancel.run());
        retries.clear();
    }

    /** The pending retry of a key; a cancelled one that runs anyway does nothing. */
    private final class Retry implements Runnable {
        private final String key;
        private Runnable cancel = () -> {};

        Retry(String key) {
            this.key = key;
        }

        @Override
        public void run() {
            synchronized (WorkQueue.this) {
                if (!retries.remove(key, this)) {
                    return; // cancelled: the key was added meanwhile
                }
            }
            add(key);
        }
    }
}
