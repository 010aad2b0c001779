package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.core.SystemStatus;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * GET /api/sync/health: 200 when PostgreSQL and Temporal answer, 503 otherwise, with the details either way. It needs a
 * token like every /api path, since it names customers; a customer key sees only its own last sync time. Load
 * balancers use the admin port's /healthcheck instead.
 */
@Path("/api/sync/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private final SystemStatus status;

    public HealthResource(SystemStatus status) {
        this.status = status;
    }

    @GET
    @ApiResponse(responseCode = "200", description = "PostgreSQL and Temporal answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SystemStatus.Report.class)))
    @ApiResponse(responseCode = "503", description = "PostgreSQL or Temporal does not answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SystemStatus.Report.class)))
    public Response health(@Auth Caller caller) {
        SystemStatus.Report report = status.report().visibleTo(caller::canSee);
        return Response.status(report.status().equals("healthy") ? 200 : 503).entity(report).build();
    }
}
