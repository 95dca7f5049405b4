package dev.hearth.catalog.instance;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A queue of keys to reconcile: a key waits at most once, and is never handed to two workers at a time (a key added
 * while it is being processed is queued again when the worker is done).
 */
final class WorkQueue {
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Set<String> dirty = new HashSet<>();
    private final Set<String> processing = new HashSet<>();

    synchronized void add(String key) {
        if (dirty.add(key) && !processing.contains(key)) {
            queue.add(key);
        }
    }

    String take() throws InterruptedException {
        String key = queue.take();
        synchronized (this) {
            dirty.remove(key);
            processing.add(key);
        }
        return key;
    }

    synchronized void done(String key) {
        processing.remove(key);
        if (dirty.contains(key)) {
            queue.add(key);
        }
    }

    synchronized int size() {
        return dirty.size();
    }
}
