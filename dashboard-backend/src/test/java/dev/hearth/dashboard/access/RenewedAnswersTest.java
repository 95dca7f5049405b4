package dev.hearth.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RenewedAnswersTest {
    private static final Duration TTL = Duration.ofSeconds(5);
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger asked = new AtomicInteger();
    /** The background renewals, run when the test says. */
    private final Queue<Runnable> renewals = new ArrayDeque<>();

    private final RenewedAnswers<String, String> answers =
            new RenewedAnswers<>(TTL, key -> key + "#" + asked.incrementAndGet(), renewals::add, now::get);

    private void at(long millis) {
        now.set(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void anAnswerIsAskedOnceAndKeptThroughHalfTheTtl() {
        assertThat(answers.get("alice")).isEqualTo("alice#1");
        at(2_500);
        assertThat(answers.get("alice")).isEqualTo("alice#1");
        assertThat(asked).hasValue(1);
        assertThat(renewals).isEmpty();
    }

    @Test
    void pastHalfTheTtlTheKnownAnswerIsServedAndAskedAgainOnceInTheBackground() {
        answers.get("alice");
        at(3_000);

        assertThat(answers.get("alice")).isEqualTo("alice#1");
        assertThat(answers.get("alice")).isEqualTo("alice#1");
        assertThat(renewals).hasSize(1);
        assertThat(asked).hasValue(1);

        renewals.poll().run();
        assertThat(answers.get("alice")).isEqualTo("alice#2");
        assertThat(renewals).isEmpty();
    }

    @Test
    void anAnswerIsNeverServedOlderThanTheTtl() {
        answers.get("alice");
        at(3_000);
        answers.get("alice");
        // the renewal has not run by the end of the TTL: the request waits for a new answer
        at(5_000);

        assertThat(answers.get("alice")).isEqualTo("alice#2");
    }

    @Test
    void aRenewalLeavesNoGapThatARequestWouldWaitIn() throws Exception {
        CountDownLatch asking = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        List<String> seen = new ArrayList<>();
        RenewedAnswers<String, String> slow = new RenewedAnswers<>(
                TTL,
                key -> {
                    if (asked.incrementAndGet() == 2) {
                        asking.countDown();
                        await(answer);
                    }
                    return key + "#" + asked.get();
                },
                Runnable::run,
                now::get);
        slow.get("alice");
        Thread renewal = new Thread(() -> slow.renew("alice"));
        renewal.start();
        asking.await();

        seen.add(slow.get("alice"));
        answer.countDown();
        renewal.join();
        seen.add(slow.get("alice"));

        assertThat(seen).containsExactly("alice#1", "alice#2");
        assertThat(asked).hasValue(2);
    }

    @Test
    void keysAreAnsweredApart() {
        assertThat(answers.get("alice")).isEqualTo("alice#1");
        assertThat(answers.get("bob")).isEqualTo("bob#2");
        assertThat(answers.get("alice")).isEqualTo("alice#1");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
