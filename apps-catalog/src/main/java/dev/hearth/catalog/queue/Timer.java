package dev.hearth.catalog.queue;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay; the returned action cancels it. Tests inject a clock they move by hand. */
@FunctionalInterface
public interface Timer {
    Runnable schedule(Duration delay, Runnable task);

    static Timer of(ScheduledExecutorService scheduler) {
        return (delay, task) -> {
            var scheduled = scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> scheduled.cancel(false);
        };
    }
}
