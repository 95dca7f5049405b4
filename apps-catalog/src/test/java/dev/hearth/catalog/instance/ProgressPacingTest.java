package dev.hearth.catalog.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressPacingTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final ProgressPacing pacing = new ProgressPacing(10, clock::get);

    @Test
    void theFirstStatusOfAnInstanceGoesAtOnce() {
        assertThat(pacing.defers("a", false)).isFalse();
        assertThat(released()).isEmpty();
    }

    @Test
    void progressWithinTheIntervalOfTheLastWriteWaitsAndGoesOnceItIsOver() {
        pacing.wrote("a", false);
        clock.addAndGet(4);
        assertThat(pacing.defers("a", false)).isTrue();
        assertThat(pacing.defers("a", false))
                .as("a later change waits for the same turn")
                .isTrue();
        assertThat(released()).isEmpty();

        clock.addAndGet(6);
        assertThat(released()).containsExactly("a");
        assertThat(pacing.defers("a", false)).isFalse();
        assertThat(released()).as("gone, no longer waiting").isEmpty();
    }

    @Test
    void readyGoesAtOnceAndTheFirstChangeAfterItToo() {
        pacing.wrote("a", false);
        clock.addAndGet(1);
        assertThat(pacing.defers("a", true)).isFalse();
        pacing.wrote("a", true);

        clock.addAndGet(1);
        assertThat(pacing.defers("a", false))
                .as("an upgrade starting after Ready")
                .isFalse();
    }

    @Test
    void aWaitingWriteThatReadyOvertookIsNotReleasedAgain() {
        pacing.wrote("a", false);
        assertThat(pacing.defers("a", false)).isTrue();
        assertThat(pacing.defers("a", true)).isFalse();
        pacing.wrote("a", true);
        clock.addAndGet(20);
        assertThat(released()).isEmpty();
    }

    @Test
    void instancesArePacedApartAndAForgottenOneIsNotReleased() {
        pacing.wrote("a", false);
        assertThat(pacing.defers("b", false)).isFalse();
        assertThat(pacing.defers("a", false)).isTrue();
        pacing.forget("a");
        clock.addAndGet(20);
        assertThat(released()).isEmpty();
        assertThat(pacing.defers("a", false)).isFalse();
    }

    private List<String> released() {
        List<String> keys = new ArrayList<>();
        pacing.release(keys::add);
        return keys;
    }
}
