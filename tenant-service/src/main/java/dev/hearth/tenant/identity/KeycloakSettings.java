package dev.hearth.tenant.identity;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where tenant-service keeps each tenant's groups; see {@link KeycloakGroups}. */
@ConfigMapping(prefix = "hearth.tenant.keycloak")
public interface KeycloakSettings {
    /** Keycloak's base URL, e.g. {@code https://login.example.org}; unset = no groups are managed. */
    Optional<String> url();

    @WithDefault("hearth")
    String realm();

    /** A confidential client of the realm whose service account may manage groups. */
    @WithDefault("hearth-tenant-service")
    String clientId();

    Optional<String> clientSecret();
}
