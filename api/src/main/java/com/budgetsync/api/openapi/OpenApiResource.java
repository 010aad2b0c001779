package com.budgetsync.api.openapi;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Supplier;

/**
 * GET /api/openapi.json: the document of the resources this application registered, built on first request (every
 * resource is registered by then). Like every /api path it needs a token: the list of endpoints is not for strangers.
 */
@Path("/api/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {
    private final Supplier<String> document;
    private volatile String json;

    /** @param document the document's JSON, asked for once */
    public OpenApiResource(Supplier<String> document) {
        this.document = document;
    }

    @GET
    @Operation(summary = "This OpenAPI 3 document (also checked in as docs/openapi.json)")
    public String get() {
        if (json == null) {
            json = document.get();
        }
        return json;
    }
}
