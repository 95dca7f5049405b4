package dev.hearth.dashboard.identity;

import java.util.Collection;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.hearth.core.tenant.OidcPrefixes;

/** The caller of the current request, from the token quarkus-oidc validated (computed once per request). */
@RequestScoped
public class CurrentCaller {
    @Inject
    JsonWebToken token;

    @ConfigProperty(name = OidcPrefixes.USERNAME_PREFIX_PROPERTY)
    Optional<String> usernamePrefix;

    @ConfigProperty(name = OidcPrefixes.GROUP_PREFIX_PROPERTY)
    Optional<String> groupPrefix;

    private Caller caller;

    /**
     * @throws IdentityRefused when the token names no user or a reserved one
     */
    public Caller get() {
        if (caller == null) {
            Collection<?> groups = token.getClaim("groups");
            caller = CallerOf.claims(
                    token.getClaim("preferred_username"),
                    groups,
                    new OidcPrefixes(usernamePrefix.orElse(""), groupPrefix.orElse("")));
        }
        return caller;
    }
}
