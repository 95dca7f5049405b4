package dev.hearth.catalog.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class StatusHoldTest {
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicLong clock = new AtomicLong();
    private final StatusHold hold = new StatusHold(writing::get, 30, clock::get);

    @Test
    void aStatusGoesAheadWhenNoReleaseIsBeingWritten() {
        assertThat(hold.holds("a")).isFalse();
        assertThat(released()).isEmpty();
    }

    @Test
    void aHeldStatusIsReleasedOnceTheReleasesAreWritten() {
        writing.set(true);
        assertThat(hold.holds("a")).isTrue();
        assertThat(released()).isEmpty();

        writing.set(false);
        assertThat(released()).containsExactly("a");
        assertThat(hold.holds("a")).isFalse();
        assertThat(released()).as("gone ahead, no longer held").isEmpty();
    }

    @Test
    void aStatusHeldForTheLongestHoldGoesAheadWhileReleasesAreStillWritten() {
        writing.set(true);
        assertThat(hold.holds("a")).isTrue();
        clock.set(20);
        assertThat(hold.holds("b")).isTrue();
        assertThat(hold.holds("a")).as("held since 0, not since the second ask").isTrue();

        clock.set(30);
        assertThat(released()).containsExactly("a");
        assertThat(hold.holds("a")).isFalse();
        assertThat(hold.holds("b")).isTrue();
    }

    @Test
    void aForgottenStatusIsNotReleased() {
        writing.set(true);
        hold.holds("a");
        hold.forget("a");
        writing.set(false);
        assertThat(released()).isEmpty();
    }

    private List<String> released() {
        List<String> keys = new ArrayList<>();
        hold.release(keys::add);
        return keys;
    }
}
