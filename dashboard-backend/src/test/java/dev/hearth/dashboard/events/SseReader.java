package dev.hearth.dashboard.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fetch-style reader of a server-sent event stream: a plain HTTP GET with the bearer header (what a browser's
 * {@code fetch} does; EventSource cannot send it), parsing the {@code text/event-stream} format into events.
 */
public final class SseReader implements AutoCloseable {
    /** One event: id may be null (no id line); comments are kept as name "comment". */
    public record Event(String id, String name, String data) {}

    /** Put when the server closed the stream. */
    public static final Event CLOSED = new Event(null, "closed", "");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final int status;
    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private SseReader(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        if (status == 200) {
            Thread reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    public static SseReader open(URI uri, String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseReader(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    public String errorBody() throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The next event other than a heartbeat, or null after {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null || !"comment".equals(event.name())) {
                return event;
            }
        }
    }

    /** Whether a heartbeat comment came among the events read so far or within {@code timeout}. */
    public boolean heartbeat(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event != null && "comment".equals(event.name())) {
                return true;
            }
        }
        return false;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, "comment", line.substring(1).trim()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" ->
                            data = data == null
                                    ? new StringBuilder(value)
                                    : data.append('\n').append(value);
                        default -> {}
                    }
                }
            }
        } catch (IOException e) {
            // closed by close() or the server
        }
        events.add(CLOSED);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
