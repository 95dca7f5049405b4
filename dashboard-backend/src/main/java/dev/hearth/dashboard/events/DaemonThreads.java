package dev.hearth.dashboard.events;

import java.util.concurrent.ThreadFactory;

/** Named daemon threads for the feed's and the streams' timers: they never hold the JVM up at shutdown. */
final class DaemonThreads {
    private DaemonThreads() {}

    static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
