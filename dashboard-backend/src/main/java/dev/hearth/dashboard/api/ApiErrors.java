package dev.hearth.dashboard.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hearth.dashboard.identity.IdentityRefused;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every failure as a JSON body {@code {"error": <code>, "message": <what to do>}}: 401 {@code token_expired} (sign in
 * again or refresh), {@code invalid_token} (signature, issuer or audience wrong), {@code missing_token}; 403; the API
 * server's own status and message for its refusals; never a stack trace, and 500 only for what is the backend's fault.
 */
public class ApiErrors {
    private static final Logger LOG = Logger.getLogger(ApiErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body of every error answer. */
    public record Error(String error, String message) {}

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException failure, HttpHeaders headers) {
        String token = bearer(headers);
        if (token == null) {
            return unauthorized("missing_token", "send the access token as Authorization: Bearer <token>");
        }
        if (expired(token)) {
            return unauthorized("token_expired", "the access token has expired: refresh it or sign in again");
        }
        return unauthorized(
                "invalid_token",
                "the access token was not issued for this dashboard by the configured issuer, or its signature is wrong");
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException failure) {
        return unauthorized("missing_token", "send the access token as Authorization: Bearer <token>");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException failure) {
        return error(Response.Status.FORBIDDEN, "forbidden", "not allowed");
    }

    @ServerExceptionMapper
    public Response identityRefused(IdentityRefused failure, HttpServerRequest request) {
        LOG.warnf("refused identity on %s %s: %s", request.method(), request.path(), failure.getMessage());
        return error(Response.Status.FORBIDDEN, "identity_refused", failure.getMessage());
    }

    /** The API server's own words for a refusal, else the client's message. */
    static String messageOf(KubernetesClientException failure) {
        return failure.getStatus() != null && failure.getStatus().getMessage() != null
                ? failure.getStatus().getMessage()
                : failure.getMessage();
    }

    @ServerExceptionMapper
    public Response kubernetes(KubernetesClientException failure) {
        int code = failure.getCode();
        String message = messageOf(failure);
        return switch (code) {
            case 400, 422 -> error(Response.Status.BAD_REQUEST, "invalid", message);
            case 403 -> error(Response.Status.FORBIDDEN, "forbidden", message);
            case 404 -> error(Response.Status.NOT_FOUND, "not_found", message);
            case 409 -> error(Response.Status.CONFLICT, "conflict", message);
            default -> {
                LOG.errorf("API server call failed (%d): %s", code, failure.getMessage());
                yield error(Response.Status.BAD_GATEWAY, "api_server", "the Kubernetes API server failed: " + message);
            }
        };
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException failure) {
        Response.StatusType status = failure.getResponse().getStatusInfo();
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new Error(status.getReasonPhrase().toLowerCase().replace(' ', '_'), failure.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException failure, HttpServerRequest request) {
        LOG.errorf(failure, "unexpected failure on %s %s", request.method(), request.path());
        return error(Response.Status.INTERNAL_SERVER_ERROR, "internal", "the dashboard backend failed; see its log");
    }

    private static Response unauthorized(String code, String message) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .type(MediaType.APPLICATION_JSON)
                .entity(new Error(code, message))
                .build();
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new Error(code, message))
                .build();
    }

    private static String bearer(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /**
     * Whether the (already refused) token says it has expired. Read without trusting it: it only picks the message of a
     * 401 that is sent anyway.
     */
    static boolean expired(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            JsonNode claims =
                    JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims.path("exp").canConvertToLong()
                    && claims.path("exp").asLong() <= Instant.now().getEpochSecond();
        } catch (IllegalArgumentException | java.io.IOException e) {
            return false;
        }
    }
}
