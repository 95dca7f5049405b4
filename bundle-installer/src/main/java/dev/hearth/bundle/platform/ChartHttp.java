package dev.hearth.bundle.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The GETs that read a chart from where it is published: 200 or a failure naming the request. */
final class ChartHttp {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /** The body of {@code GET uri}, {@code accept} as its Accept header when not null. */
    byte[] get(URI uri, String accept) {
        return body(uri, send(uri, accept, null));
    }

    /** {@code GET uri} whatever its status, with the Accept and Authorization headers that are not null. */
    HttpResponse<byte[]> send(URI uri, String accept, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + uri + " interrupted", e);
        }
    }

    /** The body of a 200, else a failure naming the request and its status. */
    static byte[] body(URI uri, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + ": HTTP " + response.statusCode());
        }
        return response.body();
    }
}
