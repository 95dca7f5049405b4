package dev.hearth.bundle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The Bearer challenges of real registries, and RFC 7235's harder shapes, read into realm, service and scopes. */
class BearerChallengeTest {

    @Test
    void dockerHubsChallenge() {
        assertThat(BearerChallenge.in(List.of("Bearer realm=\"https://auth.docker.io/token\","
                        + "service=\"registry.docker.io\",scope=\"repository:bitnamicharts/redis:pull\"")))
                .contains(new BearerChallenge(
                        "https://auth.docker.io/token",
                        "registry.docker.io",
                        List.of("repository:bitnamicharts/redis:pull"),
                        null));
    }

    @Test
    void aScopeWithSeveralActionsKeepsItsCommasAndSeveralScopesAreSplitOnSpaces() {
        assertThat(BearerChallenge.in(List.of("Bearer realm=\"https://ghcr.io/token\",service=\"ghcr.io\","
                                + "scope=\"repository:a/b:pull,push repository:c:pull\""))
                        .orElseThrow()
                        .scopes())
                .containsExactly("repository:a/b:pull,push", "repository:c:pull");
    }

    @Test
    void theSchemeAndTheParameterNamesAreCaseInsensitiveAndTokensNeedNoQuotes() {
        assertThat(BearerChallenge.in(List.of("bEaReR Realm=\"https://quay.io/v2/auth\" , SERVICE=quay.io")))
                .contains(new BearerChallenge("https://quay.io/v2/auth", "quay.io", List.of(), null));
    }

    @Test
    void aBearerChallengeAfterAnotherSchemeInTheSameHeaderIsFound() {
        assertThat(BearerChallenge.in(List.of(
                        "Basic realm=\"basic, with a comma\", charset=\"UTF-8\", Bearer realm=\"https://r/token\","
                                + "service=\"s\",error=\"insufficient_scope\"")))
                .contains(new BearerChallenge("https://r/token", "s", List.of(), "insufficient_scope"));
    }

    @Test
    void aBearerChallengeInASecondHeaderIsFound() {
        assertThat(BearerChallenge.in(List.of("Basic realm=\"registry\"", "Bearer realm=\"https://r/token\"")))
                .map(BearerChallenge::realm)
                .contains("https://r/token");
    }

    @Test
    void aToken68BeforeTheBearerChallengeIsSkipped() {
        assertThat(BearerChallenge.in(List.of("Negotiate abc+/def==, Bearer realm=\"https://r/token\"")))
                .map(BearerChallenge::realm)
                .contains("https://r/token");
    }

    @Test
    void aQuotedValueMayHoldEscapedQuotes() {
        assertThat(BearerChallenge.in(List.of("Bearer realm=\"https://r/token\",service=\"a \\\"quoted\\\" b\"")))
                .map(BearerChallenge::service)
                .contains("a \"quoted\" b");
    }

    @Test
    void noBearerChallengeOrOneWithoutARealmIsNone() {
        assertThat(BearerChallenge.in(List.of("Basic realm=\"registry\""))).isEmpty();
        assertThat(BearerChallenge.in(List.of("Bearer service=\"s\""))).isEmpty();
        assertThat(BearerChallenge.in(List.of("Bearer"))).isEmpty();
        assertThat(BearerChallenge.in(List.of(""))).isEmpty();
        assertThat(BearerChallenge.in(List.of())).isEmpty();
    }
}
