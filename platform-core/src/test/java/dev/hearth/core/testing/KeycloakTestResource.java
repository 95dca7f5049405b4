package dev.hearth.core.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest}'s quarkus-oidc at the JVM's real Keycloak ({@link TestKeycloak#shared()}): the
 * {@code hearth} realm's issuer as {@code quarkus.oidc.auth-server-url}.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", TestKeycloak.shared().issuer());
    }

    @Override
    public void stop() {
        // shared by every test of the JVM; a shutdown hook stops it
    }
}
