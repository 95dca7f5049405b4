package dev.hearth.dashboard.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.jboss.logging.Logger;

/**
 * One client's stream of a tenant: the changes the feed hands it, a heartbeat comment, and its end — when the token
 * expires, when the access question is answered no, when the client goes or falls too far behind. Its last event
 * ({@code end}) says why.
 */
final class EventStream implements Consumer<TenantChange> {
    private static final Logger LOG = Logger.getLogger(EventStream.class);
    /** Sends not yet written to the connection before the client counts as stuck (it resumes by Last-Event-ID). */
    static final int MAX_PENDING = 2000;

    private final SseEventSink sink;
    private final Sse sse;
    private final Runnable onClose;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private volatile Runnable recheck = () -> {};

    EventStream(SseEventSink sink, Sse sse, Runnable onClose) {
        this.sink = sink;
        this.sse = sse;
        this.onClose = onClose;
    }

    @Override
    public void accept(TenantChange change) {
        send(sse.newEventBuilder()
                .id(change.id())
                .name(change.type())
                .data(change.data())
                .build());
    }

    void send(String name, String data) {
        send(sse.newEventBuilder().name(name).data(data).build());
    }

    /** Heartbeats, the access re-check and the token's end, on the shared timer. */
    void schedule(
            ScheduledExecutorService timer,
            Duration heartbeat,
            Duration every,
            BooleanSupplier mayRead,
            Instant expiry) {
        synchronized (timers) {
            timers.add(timer.scheduleAtFixedRate(
                    () -> send(sse.newEventBuilder().comment("heartbeat").build()),
                    heartbeat.toMillis(),
                    heartbeat.toMillis(),
                    TimeUnit.MILLISECONDS));
            Runnable ask = () -> {
                try {
                    if (!mayRead.getAsBoolean()) {
                        end("access_lost", "the caller may no longer read this tenant");
                    }
                } catch (RuntimeException e) {
                    LOG.debugf("access re-check failed, asked again later: %s", e.getMessage());
                }
            };
            // again a second later: the API server's authorizer may see the change a moment after its watchers
            recheck = () -> {
                timer.execute(ask);
                timer.schedule(ask, 1, TimeUnit.SECONDS);
            };
            timers.add(timer.scheduleWithFixedDelay(ask, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS));
            long untilExpiry =
                    Math.max(0, Duration.between(Instant.now(), expiry).toMillis());
            timers.add(timer.schedule(
                    () -> end("token_expired", "the access token has expired: refresh it and reconnect"),
                    untilExpiry,
                    TimeUnit.MILLISECONDS));
        }
    }

    /** Asks the access question again now (a RoleBinding of the tenant changed), off the caller's thread. */
    void recheck() {
        recheck.run();
    }

    /** Sends a last {@code end} event saying why, then closes. */
    void end(String reason, String message) {
        if (closed.get()) {
            return;
        }
        send(sse.newEventBuilder()
                .name("end")
                .data("{\"reason\":\"" + reason + "\",\"message\":\"" + message + "\"}")
                .build());
        close();
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        onClose.run();
        synchronized (timers) {
            timers.forEach(t -> t.cancel(false));
        }
        sink.close();
    }

    private void send(OutboundSseEvent event) {
        if (closed.get()) {
            return;
        }
        if (sink.isClosed()) {
            close();
            return;
        }
        if (pending.incrementAndGet() > MAX_PENDING) {
            LOG.debugf("closing a stream %d events behind", MAX_PENDING);
            close();
            return;
        }
        sink.send(event).whenComplete((done, failure) -> {
            pending.decrementAndGet();
            if (failure != null) {
                close();
            }
        });
    }
}
