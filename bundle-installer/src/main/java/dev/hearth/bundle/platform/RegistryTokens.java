package dev.hearth.bundle.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Anonymous tokens from a registry's token endpoint, per the distribution token spec: {@code GET
 * <realm>?service=<service>&scope=<scope>} without credentials, the token in {@code token} (or OAuth 2's
 * {@code access_token}), valid {@code expires_in} seconds (60 when not said). A token is kept per realm, service and
 * scopes until it expires, so the manifest and the blob after it cost one token request.
 */
final class RegistryTokens {
    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChartHttp http;
    private final Clock clock;
    private final Map<BearerChallenge, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {}

    RegistryTokens(ChartHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** A token for the challenge, the kept one while it is valid; a failure saying why there is none. */
    String token(BearerChallenge challenge) {
        BearerChallenge key = new BearerChallenge(challenge.realm(), challenge.service(), challenge.scopes(), null);
        Token kept = tokens.get(key);
        if (kept != null && clock.instant().isBefore(kept.expires())) {
            return kept.value();
        }
        Token fresh = fetch(key);
        tokens.put(key, fresh);
        return fresh.value();
    }

    /** Drops the kept token of the challenge: the registry refused it. */
    void forget(BearerChallenge challenge) {
        tokens.remove(new BearerChallenge(challenge.realm(), challenge.service(), challenge.scopes(), null));
    }

    private Token fetch(BearerChallenge challenge) {
        URI uri = uri(challenge);
        // measured from before the request, so that a token is never kept past its end
        Instant asked = clock.instant();
        HttpResponse<byte[]> response = http.send(uri, "application/json", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The token endpoint " + challenge.realm() + " answered HTTP "
                    + response.statusCode() + " for " + challenge.scopeText());
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("The token endpoint " + challenge.realm() + " answered no JSON", e);
        }
        String token = answer.path("token").asText(answer.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new IllegalStateException(
                    "The token endpoint " + challenge.realm() + " answered no token for " + challenge.scopeText());
        }
        long seconds = answer.path("expires_in").asLong(0);
        return new Token(token, asked.plus(seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME));
    }

    /**
     * The realm with the service and scopes added to its query. Only HTTPS, or plain HTTP on a loopback host (as for
     * the registry itself): a realm the registry names must not lead the installer to plain HTTP elsewhere.
     */
    static URI uri(BearerChallenge challenge) {
        URI realm;
        try {
            realm = URI.create(challenge.realm());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The token realm " + challenge.realm() + " is not a URL", e);
        }
        String scheme = realm.getScheme() == null ? "" : realm.getScheme();
        boolean loopback = realm.getHost() != null && OciCharts.loopback(realm.getHost());
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new IllegalStateException(
                    "The token realm " + challenge.realm() + " is not HTTPS (plain HTTP only on a loopback host)");
        }
        StringBuilder query = new StringBuilder(realm.getRawQuery() == null ? "" : realm.getRawQuery());
        if (challenge.service() != null) {
            append(query, "service", challenge.service());
        }
        for (String scope : challenge.scopes()) {
            append(query, "scope", scope);
        }
        String base = challenge.realm().replaceFirst("[?#].*$", "");
        return URI.create(query.isEmpty() ? base : base + "?" + query);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
