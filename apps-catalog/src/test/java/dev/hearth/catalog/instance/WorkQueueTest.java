package dev.hearth.catalog.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
        WorkQueue queue = new WorkQueue(pool, key -> {
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
        WorkQueue queue = new WorkQueue(pool, key -> {
            bothRunning.countDown();
            await(bothRunning);
            done.countDown();
        });

        queue.add("ns/a");
        queue.add("ns/b");

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
