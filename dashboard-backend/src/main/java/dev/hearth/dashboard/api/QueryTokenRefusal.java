package dev.hearth.dashboard.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a token in the query string on every path, before authentication: a URL ends up in access logs, browser
 * history and Referer headers. EventSource cannot send headers, so the answer names the way that works.
 */
public class QueryTokenRefusal {
    static final String PARAMETER = "access_token";

    @ServerRequestFilter(preMatching = true)
    public Response refuse(ContainerRequestContext request) {
        if (!request.getUriInfo().getQueryParameters().containsKey(PARAMETER)) {
            return null;
        }
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiErrors.Error(
                        "token_in_query",
                        "never put the token in the URL: send Authorization: Bearer <token> (read events with a"
                                + " fetch-based reader, not EventSource)"))
                .build();
    }
}
