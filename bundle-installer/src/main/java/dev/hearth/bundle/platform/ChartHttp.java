package dev.hearth.bundle.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The GETs that read a chart from where it is published: 200 or a failure naming the request. Redirects are followed
 * here, not by the client, so that a token goes only where it was meant for: a registry sends blobs on to a store of
 * another origin (S3, a CDN's signed URL), which must not get the registry's token (as Go's net/http, which Helm and
 * Flux use, drops it) and may refuse a request that carries one beside its signature.
 */
final class ChartHttp {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** The body of {@code GET uri}, {@code accept} as its Accept header when not null. */
    byte[] get(URI uri, String accept) {
        return body(uri, send(uri, accept, null));
    }

    /**
     * {@code GET uri} whatever its status, with the Accept and Authorization headers that are not null, following
     * redirects, the Authorization header only to {@code uri}'s origin; never from HTTPS to plain HTTP (the redirect
     * is then the answer).
     */
    HttpResponse<byte[]> send(URI uri, String accept, String authorization) {
        URI at = uri;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response = once(at, accept, sameOrigin(uri, at) ? authorization : null);
            Optional<String> location = response.headers().firstValue("Location");
            if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            URI next = at.resolve(location.get());
            if ("https".equals(at.getScheme()) && !"https".equals(next.getScheme())) {
                return response;
            }
            if (redirects == MAX_REDIRECTS) {
                throw new IllegalStateException("GET " + uri + ": more than " + MAX_REDIRECTS + " redirects");
            }
            at = next;
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private HttpResponse<byte[]> once(URI uri, String accept, String authorization) {
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
