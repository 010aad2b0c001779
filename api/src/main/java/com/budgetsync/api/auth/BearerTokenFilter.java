package com.budgetsync.api.auth;

import com.budgetsync.api.errors.ApiError;
import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Every request to the application port needs {@code Authorization: Bearer <token>}. Pre-matching and registered
 * globally, so an endpoint added later is protected without anyone remembering to, and an unknown path answers 401
 * rather than telling a stranger which paths exist. Unlike Dropwizard's OAuth filter it ignores an
 * {@code access_token} query parameter: tokens in URLs end up in access logs.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter extends AuthFilter<String, Caller> {
    private static final String SCHEME = "Bearer";

    public BearerTokenFilter(TokenAuthenticator authenticator) {
        this.authenticator = authenticator;
        this.prefix = SCHEME;
        this.realm = "budget-sync";
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            throw unauthorized("missing bearer token: send the header 'Authorization: Bearer <token>'");
        }
        String token = header.substring(SCHEME.length() + 1).trim();
        if (token.isEmpty() || !authenticate(request, token, SecurityContext.BASIC_AUTH)) {
            throw unauthorized("invalid or revoked token");
        }
    }

    private WebApplicationException unauthorized(String message) {
        // The request body is left unread (it may be a 200 MB upload from a stranger), so the connection cannot be
        // reused: saying so keeps clients from sending their next request down a socket about to close.
        return new WebApplicationException(Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, SCHEME + " realm=\"" + realm + "\"")
                .header("Connection", "close")
                .entity(new ApiError(message, null)).type(MediaType.APPLICATION_JSON_TYPE).build());
    }
}
