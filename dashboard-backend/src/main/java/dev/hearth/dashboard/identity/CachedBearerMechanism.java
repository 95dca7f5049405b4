package dev.hearth.dashboard.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Asked before quarkus-oidc's mechanism: a request whose bearer token {@link VerifiedTokens} holds gets the identity
 * quarkus-oidc built for that token, with this request's routing context in place of the first one's. Any other
 * request goes on to quarkus-oidc, which verifies the token (signature, issuer, audience, expiry), answers or refuses
 * as always, and challenges; {@link Recorder} keeps what it verified. Ahead of quarkus-oidc rather than as an identity
 * provider behind it, since its mechanism decodes and parses the token's claims for every request before any provider
 * is asked (a tenth of a cached read's CPU, docs/dashboard-backend.md "Benchmark").
 */
@ApplicationScoped
public class CachedBearerMechanism implements HttpAuthenticationMechanism {
    static final String FROM_CACHE = CachedBearerMechanism.class.getName();
    private static final String BEARER = "Bearer ";

    @Inject
    VerifiedTokens tokens;

    @ConfigProperty(name = "quarkus.oidc.priority", defaultValue = "1001")
    int oidcPriority;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        return tokens.of(header.substring(BEARER.length()).trim())
                .map(known -> Uni.createFrom().item(forThisRequest(known, context)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /** None of its own: a request without a known token is challenged by quarkus-oidc. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public int getPriority() {
        return oidcPriority + 1;
    }

    private static SecurityIdentity forThisRequest(SecurityIdentity known, RoutingContext routing) {
        return QuarkusSecurityIdentity.builder(known)
                .addAttribute(FROM_CACHE, Boolean.TRUE)
                .addAttribute(RoutingContext.class.getName(), routing)
                .build();
    }

    /** Records what quarkus-oidc verified; runs after every identity provider, so only for quarkus-oidc's identities. */
    @ApplicationScoped
    public static class Recorder implements SecurityIdentityAugmentor {
        @Inject
        VerifiedTokens tokens;

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            if (credential != null && identity.getAttribute(FROM_CACHE) == null) {
                tokens.verified(credential.getToken(), identity);
            }
            return Uni.createFrom().item(identity);
        }
    }
}
