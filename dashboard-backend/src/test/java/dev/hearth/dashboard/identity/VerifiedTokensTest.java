package dev.hearth.dashboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    private final VerifiedTokens tokens = new VerifiedTokens();

    @BeforeEach
    void setUp() {
        tokens.ttl = Duration.ofSeconds(10);
        tokens.metrics = new SimpleMeterRegistry();
        tokens.counters();
        at(NOW);
    }

    @Test
    void anEntryEndsAfterTheTtl() {
        SecurityIdentity identity = identity(NOW.plusSeconds(300));
        tokens.verified("a", identity);
        at(NOW.plusSeconds(9));
        assertThat(tokens.of("a")).containsSame(identity);
        at(NOW.plusSeconds(10));
        assertThat(tokens.of("a")).isEmpty();
    }

    @Test
    void anEntryNeverOutlivesItsToken() {
        tokens.verified("a", identity(NOW.plusSeconds(3)));
        at(NOW.plusSeconds(2));
        assertThat(tokens.of("a")).isPresent();
        at(NOW.plusSeconds(3));
        assertThat(tokens.of("a")).isEmpty();
        // a token already expired (or without exp) is not kept at all
        tokens.verified("b", identity(NOW.minusSeconds(1)));
        tokens.verified("c", identity(null));
        assertThat(tokens.of("b")).isEmpty();
        assertThat(tokens.of("c")).isEmpty();
    }

    @Test
    void onlyTheExactTokenIsAnswered() {
        tokens.verified("header.claims.signature", identity(NOW.plusSeconds(300)));
        assertThat(tokens.of("header.claims.signaturf")).isEmpty();
        assertThat(tokens.of("header.claims.")).isEmpty();
    }

    @Test
    void aFloodOfTokensKeepsTheCacheBounded() {
        for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES * 3; i++) {
            tokens.verified("t" + i, identity(NOW.plusSeconds(300)));
        }
        int held = 0;
        for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES * 3; i++) {
            held += tokens.of("t" + i).isPresent() ? 1 : 0;
        }
        assertThat(held).isPositive().isLessThanOrEqualTo(VerifiedTokens.MAX_ENTRIES);
    }

    private void at(Instant instant) {
        tokens.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static SecurityIdentity identity(Instant expires) {
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return "foo-admin";
            }

            @Override
            public Set<String> getClaimNames() {
                return expires == null ? Set.of() : Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return "exp".equals(claim) && expires != null ? (T) Long.valueOf(expires.getEpochSecond()) : null;
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).build();
    }
}
