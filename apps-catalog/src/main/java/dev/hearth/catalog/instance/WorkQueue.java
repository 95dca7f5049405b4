package dev.hearth.catalog.instance;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Keys to process, run on a pool shared with other queues: a key waits at most once, and never runs on two threads
 * at a time (a key added while it runs runs again once it is done). The pool's own queue keeps the keys in order.
 */
final class WorkQueue {
    private final Executor pool;
    private final Consumer<String> action;
    private final Set<String> waiting = new HashSet<>();
    private final Set<String> running = new HashSet<>();

    WorkQueue(Executor pool, Consumer<String> action) {
        this.pool = pool;
        this.action = action;
    }

    synchronized void add(String key) {
        if (waiting.add(key) && !running.contains(key)) {
            pool.execute(() -> run(key));
        }
    }

    private void run(String key) {
        synchronized (this) {
            waiting.remove(key);
            running.add(key);
        }
        try {
            action.accept(key);
        } finally {
            synchronized (this) {
                running.remove(key);
                if (waiting.contains(key)) {
                    pool.execute(() -> run(key));
                }
            }
        }
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
