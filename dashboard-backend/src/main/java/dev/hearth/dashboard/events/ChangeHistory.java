package dev.hearth.dashboard.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The last changes of one tenant, in the order the caches saw them, bounded. A resume replays what follows the
 * client's last id; an id no longer held (or never seen) has no answer, so the client must relist, as after a
 * watch's 410 Gone. Ids are found by position rather than compared: resourceVersions are opaque.
 */
final class ChangeHistory {
    private final int capacity;
    private final Deque<TenantChange> changes = new ArrayDeque<>();

    ChangeHistory(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(TenantChange change) {
        if (changes.size() == capacity) {
            changes.removeFirst();
        }
        changes.addLast(change);
    }

    /** The changes after {@code id}, or empty when the history no longer holds it. */
    synchronized Optional<List<TenantChange>> after(String id) {
        List<TenantChange> later = new ArrayList<>();
        var newestFirst = changes.descendingIterator();
        while (newestFirst.hasNext()) {
            TenantChange change = newestFirst.next();
            if (change.id().equals(id)) {
                Collections.reverse(later);
                return Optional.of(later);
            }
            later.add(change);
        }
        return Optional.empty();
    }

    /** The id of the newest change, if any. */
    synchronized Optional<String> newest() {
        return changes.isEmpty()
                ? Optional.empty()
                : Optional.of(changes.getLast().id());
    }
}
