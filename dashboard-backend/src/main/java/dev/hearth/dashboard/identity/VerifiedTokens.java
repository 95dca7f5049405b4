package dev.hearth.dashboard.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Identities of bearer tokens quarkus-oidc verified in the last few seconds, by the exact token. A page asks several
 * endpoints with one token, and each signature check is an RSA verification (half of a read's CPU on the C1-only
 * JIT, docs/dashboard-backend.md "Benchmark"). Like the API server's own token cache (10 s for a success), an entry
 * lives {@link #ttl} at most and never past the token's {@code exp}: an expired token is verified again, and refused.
 */
@ApplicationScoped
public class VerifiedTokens {
    /** Beyond this many, expired entries go first, then all: a flood of tokens only costs their verification. */
    static final int MAX_ENTRIES = 2_000;
    /** Bearer tokens accepted, by {@code result}: {@code verified} by quarkus-oidc, or {@code cached}. */
    static final String METRIC = "hearth.dashboard.tokens";

    @ConfigProperty(name = "hearth.dashboard.verified-token-ttl", defaultValue = "10s")
    Duration ttl;

    @Inject
    MeterRegistry metrics;

    Clock clock = Clock.systemUTC();

    private record Verified(SecurityIdentity identity, long untilMillis) {}

    private final Map<String, Verified> byToken = new ConcurrentHashMap<>();
    private Counter hits;
    private Counter verified;

    /** The identity of {@code token} if it was verified recently and has not expired since. */
    public Optional<SecurityIdentity> of(String token) {
        Verified known = byToken.get(token);
        if (known == null) {
            return Optional.empty();
        }
        if (known.untilMillis <= clock.millis()) {
            byToken.remove(token, known);
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(known.identity);
    }

    /** Records an identity quarkus-oidc has just verified {@code token} for. */
    public void verified(String token, SecurityIdentity identity) {
        verified.increment();
        // without a numeric exp the token is not kept (quarkus-oidc gives exp as a Long)
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !(jwt.getClaim(Claims.exp.name()) instanceof Number expires)) {
            return;
        }
        long now = clock.millis();
        long until = Math.min(now + ttl.toMillis(), expires.longValue() * 1000);
        if (until <= now) {
            return;
        }
        if (byToken.size() >= MAX_ENTRIES) {
            byToken.values().removeIf(v -> v.untilMillis <= now);
            if (byToken.size() >= MAX_ENTRIES) {
                byToken.clear();
            }
        }
        byToken.put(token, new Verified(identity, until));
    }

    @PostConstruct
    void counters() {
        hits = metrics.counter(METRIC, "result", "cached");
        verified = metrics.counter(METRIC, "result", "verified");
    }
}
