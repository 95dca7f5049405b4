package dev.hearth.dashboard.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * The body of every error answer.
     *
     * @param fields on a 400, the API server's message per field ({@code spec.replicas}, ...), so a form shows each
     *               next to its field; absent otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Error(String error, String message, List<FieldError> fields) {
        public Error(String error, String message) {
            this(error, message, List.of());
        }
    }

    /** One refused field: its path as the API server names it, and why. */
    public record FieldError(String field, String message) {}

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
            case 400, 422 ->
                Response.status(Response.Status.BAD_REQUEST)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(new Error("invalid", message, fieldsOf(failure)))
                        .build();
            case 403 -> error(Response.Status.FORBIDDEN, "forbidden", message);
            case 404 -> error(Response.Status.NOT_FOUND, "not_found", message);
            case 409 -> error(Response.Status.CONFLICT, "conflict", message);
            default -> {
                LOG.errorf("API server call failed (%d): %s", code, failure.getMessage());
                yield error(Response.Status.BAD_GATEWAY, "api_server", "the Kubernetes API server failed: " + message);
            }
        };
    }

    /** A 400 naming the fields to fix. */
    static WebApplicationException invalidFields(String code, String message, List<FieldError> fields) {
        return new WebApplicationException(
                message,
                Response.status(Response.Status.BAD_REQUEST)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(new Error(code, message, fields))
                        .build());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException failure) {
        if (failure.getResponse().getEntity() instanceof Error) {
            return failure.getResponse();
        }
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

    /** The causes the API server names a field for (an invalid object's schema and CEL refusals). */
    static List<FieldError> fieldsOf(KubernetesClientException failure) {
        if (failure.getStatus() == null || failure.getStatus().getDetails() == null) {
            return List.of();
        }
        return failure.getStatus().getDetails().getCauses().stream()
                .filter(cause -> cause.getField() != null && !cause.getField().isBlank())
                .map(cause -> new FieldError(cause.getField(), cause.getMessage()))
                .toList();
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
