package dev.hearth.dashboard.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the console (the single-page app served at {@code /}) signs in: the realm's issuer, the one this backend
 * validates tokens against ({@code quarkus.oidc.auth-server-url}), and the public client of the dashboard. Asked before
 * sign-in, so unauthenticated; it names nothing that the realm's discovery document does not already publish.
 */
@Path("/api/v1/console-config")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleConfigResource {
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @ConfigProperty(name = "hearth.console.client-id", defaultValue = "hearth-dashboard")
    String clientId;

    /**
     * @param issuer   the realm's issuer URL, e.g. {@code https://login.example.org/realms/hearth}
     * @param clientId the public PKCE client the console signs in with
     */
    public record ConsoleConfig(String issuer, String clientId) {}

    @GET
    public ConsoleConfig config() {
        return new ConsoleConfig(issuer.replaceAll("/+$", ""), clientId);
    }
}
