package dev.hearth.catalog.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aKeyAddedWhileItRunsRunsOnceMoreAfterwardsNeverAlongside() throws Exception {
        CountDownLatch firstRunStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        List<String> runs = new CopyOnWriteArrayList<>();
        CountDownLatch twoRuns = new CountDownLatch(2);
        WorkQueue queue = new WorkQueue("test", pool, new FakeTimer(), Backoff.DEFAULT, key -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            runs.add(key);
            firstRunStarted.countDown();
            await(release);
            concurrent.decrementAndGet();
            twoRuns.countDown();
        });

        queue.add("ns/a");
        assertThat(firstRunStarted.await(5, TimeUnit.SECONDS)).isTrue();
        queue.add("ns/a");
        queue.add("ns/a");
        queue.add("ns/a");
        assertThat(queue.waiting()).isEqualTo(1);
        release.countDown();

        assertThat(twoRuns.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(runs).containsExactly("ns/a", "ns/a");
        assertThat(maxConcurrent.get()).isEqualTo(1);
        assertThat(queue.waiting()).isZero();
    }

    @Test
    void differentKeysRunSideBySide() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch done = new CountDownLatch(2);
        WorkQueue queue = new WorkQueue("test", pool, new FakeTimer(), Backoff.DEFAULT, key -> {
            bothRunning.countDown();
            await(bothRunning);
            done.countDown();
        });

        queue.add("ns/a");
        queue.add("ns/b");

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailedKeyIsRetriedAfterABackOffThatDoublesUpToTheCeiling() {
        FakeTimer timer = new FakeTimer();
        List<Duration> runsAt = new ArrayList<>();
        WorkQueue queue = failing(timer, key -> {
            runsAt.add(timer.now);
            throw new IllegalStateException("refused");
        });

        queue.add("ns/a");
        timer.advance(Duration.ofMinutes(30));

        assertThat(gaps(runsAt))
                .startsWith(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(32),
                        Duration.ofSeconds(64),
                        Duration.ofSeconds(128),
                        Duration.ofSeconds(256),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(5));
        assertThat(gaps(runsAt)).allSatisfy(gap -> assertThat(gap).isLessThanOrEqualTo(Duration.ofMinutes(5)));
        assertThat(queue.retrying()).isEqualTo(1);
    }

    @Test
    void aSuccessResetsTheBackOff() {
        FakeTimer timer = new FakeTimer();
        List<Duration> runsAt = new ArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(3);
        WorkQueue queue = failing(timer, key -> {
            runsAt.add(timer.now);
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("refused");
            }
        });

        queue.add("ns/a"); // fails at 0 s, 1 s, 3 s; succeeds at 7 s
        timer.advance(Duration.ofSeconds(10));
        assertThat(gaps(runsAt)).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(queue.retrying()).isZero();

        failuresLeft.set(1);
        runsAt.clear();
        queue.add("ns/a"); // fails once more: waits the first step again, not 8 s
        timer.advance(Duration.ofSeconds(10));
        assertThat(gaps(runsAt)).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aKeyAddedWhileItWaitsForItsRetryRunsOnceNotTwice() {
        FakeTimer timer = new FakeTimer();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        WorkQueue queue = failing(timer, key -> {
            runs.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("refused");
            }
        });

        queue.add("ns/a");
        assertThat(runs).hasValue(1);
        assertThat(queue.retrying()).isEqualTo(1);

        timer.advance(Duration.ofMillis(500));
        queue.add("ns/a");
        assertThat(runs).hasValue(2);
        assertThat(queue.retrying()).isZero();

        timer.advance(Duration.ofMinutes(10));
        assertThat(runs).hasValue(2);
    }

    @Test
    void otherKeysRunWhileOneWaitsForItsRetry() {
        FakeTimer timer = new FakeTimer();
        List<String> runs = new ArrayList<>();
        WorkQueue queue = failing(timer, key -> {
            runs.add(key);
            if (key.equals("ns/bad")) {
                throw new IllegalStateException("refused");
            }
        });

        queue.add("ns/bad");
        queue.add("ns/good");

        assertThat(runs).containsExactly("ns/bad", "ns/good");
        assertThat(queue.retrying()).isEqualTo(1);
    }

    /** A queue that runs its keys on the calling thread, with the fake clock for its retries. */
    private static WorkQueue failing(FakeTimer timer, Consumer<String> action) {
        return new WorkQueue("test", Runnable::run, timer, Backoff.DEFAULT, action);
    }

    private static List<Duration> gaps(List<Duration> times) {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(times.get(i).minus(times.get(i - 1)));
        }
        return gaps;
    }

    /** A clock moved by hand: {@link #advance} runs the tasks that fall due, in order. */
    static final class FakeTimer implements Timer {
        private record Task(Duration due, long order, Runnable action) {}

        private final List<Task> tasks = new ArrayList<>();
        private long scheduled;
        Duration now = Duration.ZERO;

        @Override
        public Runnable schedule(Duration delay, Runnable action) {
            Task task = new Task(now.plus(delay), scheduled++, action);
            tasks.add(task);
            return () -> tasks.remove(task);
        }

        void advance(Duration by) {
            Duration until = now.plus(by);
            while (true) {
                Task next = tasks.stream()
                        .filter(t -> t.due().compareTo(until) <= 0)
                        .min(Comparator.comparing(Task::due).thenComparing(Task::order))
                        .orElse(null);
                if (next == null) {
                    break;
                }
                tasks.remove(next);
                now = next.due();
                next.action().run();
            }
            now = until;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
