package dev.hearth.dashboard.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Asked before quarkus-oidc's provider: answers a bearer token {@link VerifiedTokens} holds, else nothing, and
 * quarkus-oidc verifies it (signature, issuer, audience, expiry) as always. The identity is the one quarkus-oidc
 * built, with this request's routing context in place of the first one's.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    static final String FROM_CACHE = CachedTokenIdentityProvider.class.getName();

    @Inject
    VerifiedTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // quarkus-oidc's provider has the default, SYSTEM_FIRST + 1
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return tokens.of(request.getToken().getToken())
                .map(known -> Uni.createFrom().item(forThisRequest(known, request, context)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    private static SecurityIdentity forThisRequest(
            SecurityIdentity known, TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        var builder = QuarkusSecurityIdentity.builder(known)
                .addAttribute(FROM_CACHE, Boolean.TRUE)
                .addAttribute(AuthenticationRequestContext.class.getName(), context);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            builder.addAttribute(RoutingContext.class.getName(), routing);
        }
        return builder.build();
    }

    /** Records what quarkus-oidc verified; runs after every provider, so it skips what came from the cache. */
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
