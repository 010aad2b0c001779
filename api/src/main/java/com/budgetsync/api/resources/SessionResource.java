package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /api/session: who the token belongs to (the admin, or the one customer a key reaches) and the links a client
 * shows, so the console can sign in with any token and lay itself out for that caller.
 */
@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    private final String temporalWebUrl;
    private final String temporalNamespace;

    public SessionResource(String temporalWebUrl, String temporalNamespace) {
        this.temporalWebUrl = temporalWebUrl;
        this.temporalNamespace = temporalNamespace;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Session(boolean admin, String customerId, String temporalWebUrl, String temporalNamespace) {
    }

    @GET
    public Session session(@Auth Caller caller) {
        return new Session(caller.isAdmin(), caller.customerId(), temporalWebUrl, temporalNamespace);
    }
}
