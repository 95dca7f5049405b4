package dev.hearth.dashboard.events;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.hearth.core.naming.TenantNamespaceName;
import dev.hearth.dashboard.identity.Caller;
import dev.hearth.dashboard.identity.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;

/**
 * Server-sent events of a tenant: each change of its Hearth objects and Kubernetes Events ({@code ADDED},
 * {@code MODIFIED}, {@code DELETED}, id = the resourceVersion), from the backend's shared caches. A request with
 * {@code Last-Event-ID} gets what followed that id; without one, or when the id is too old ({@code relist}), the
 * tenant's current objects first, then {@code synced} with the id to resume from. Read with a fetch-based reader
 * carrying {@code Authorization: Bearer} (the token never goes in the query: {@code QueryTokenRefusal}).
 */
@Path("/api/v1/tenants/{namespace}/events")
@Authenticated
@Singleton
public class EventsResource {
    @Inject
    CurrentCaller current;

    @Inject
    JsonWebToken token;

    @Inject
    TenantFeed feed;

    @Inject
    StreamAccess access;

    @ConfigProperty(name = "hearth.events.heartbeat", defaultValue = "15s")
    Duration heartbeat;

    @ConfigProperty(name = "hearth.events.access-recheck", defaultValue = "30s")
    Duration recheck;

    private final ScheduledExecutorService timer =
            Executors.newScheduledThreadPool(2, DaemonThreads.named("event-streams"));

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(
            @PathParam("namespace") String namespace,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        if (!TenantNamespaceName.isTenantNamespace(namespace)) {
            throw new NotFoundException(namespace + " is not a tenant namespace");
        }
        Caller caller = current.get();
        if (!access.mayRead(caller, namespace)) {
            throw new ForbiddenException("you may not read " + namespace);
        }
        Instant expiry = Instant.ofEpochSecond(token.getExpirationTime());
        EventStream[] self = new EventStream[1];
        EventStream stream = new EventStream(sink, sse, () -> feed.unsubscribe(namespace, self[0]));
        self[0] = stream;
        String last = lastEventId == null || lastEventId.isBlank() ? null : lastEventId.trim();
        // subscribed before the listing, so nothing between it and the live changes is lost (some may come twice)
        String newest = feed.newestId(namespace);
        if (!feed.subscribe(namespace, last, stream) || last == null) {
            relist(namespace, last != null, newest, stream);
        }
        stream.schedule(timer, heartbeat, recheck, () -> access.mayRead(caller, namespace), expiry);
    }

    /** The current objects, then {@code synced}: the client replaces what it held. */
    private void relist(String namespace, boolean tooOld, String newest, EventStream stream) {
        if (tooOld) {
            stream.send("relist", "{\"reason\":\"the Last-Event-ID is no longer held: replace what you hold\"}");
        }
        feed.current(namespace).forEach(object -> stream.send("ADDED", object.toString()));
        stream.send("synced", "{\"resumeFrom\":\"" + newest + "\"}");
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
