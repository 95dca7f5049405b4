package dev.hearth.bundle.platform;

import java.net.URI;
import java.net.http.HttpResponse;

/**
 * GETs from an OCI registry, anonymous, through the token flow when the registry asks for it: a 401 with a Bearer
 * challenge is answered with a token from the challenge's realm ({@link RegistryTokens}) and the request sent once
 * more. A second 401 is the registry refusing that token (e.g. {@code error="insufficient_scope"}: a private
 * repository); no third try.
 */
final class RegistryGets {
    private final ChartHttp http;
    private final RegistryTokens tokens;

    RegistryGets(ChartHttp http, RegistryTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /** The body of {@code GET uri}, {@code accept} as its Accept header when not null. */
    byte[] get(URI uri, String accept) {
        HttpResponse<byte[]> response = http.send(uri, accept, null);
        if (response.statusCode() != 401) {
            return ChartHttp.body(uri, response);
        }
        BearerChallenge challenge = BearerChallenge.in(response.headers().allValues("WWW-Authenticate"))
                .orElseThrow(() -> new IllegalStateException("GET " + uri + ": HTTP 401 without a Bearer challenge"));
        String token;
        try {
            token = tokens.token(challenge);
        } catch (RuntimeException e) {
            throw new IllegalStateException("GET " + uri + ": HTTP 401, and no token: " + e.getMessage(), e);
        }
        HttpResponse<byte[]> again = http.send(uri, accept, "Bearer " + token);
        if (again.statusCode() == 401) {
            tokens.forget(challenge);
            String error = BearerChallenge.in(again.headers().allValues("WWW-Authenticate"))
                    .map(BearerChallenge::error)
                    .map(e -> " (" + e + ")")
                    .orElse("");
            throw new IllegalStateException("GET " + uri + ": HTTP 401 with the anonymous token of " + challenge.realm()
                    + " for " + challenge.scopeText() + error);
        }
        return ChartHttp.body(uri, again);
    }
}
