package com.budgetsync.api.resources;

import com.budgetsync.api.core.SystemStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** GET /api/sync/health: 200 when PostgreSQL and Temporal answer, 503 otherwise, with the details either way. */
@Path("/api/sync/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private final SystemStatus status;

    public HealthResource(SystemStatus status) {
        this.status = status;
    }

    @GET
    public Response health() {
        SystemStatus.Report report = status.report();
        return Response.status(report.status().equals("healthy") ? 200 : 503).entity(report).build();
    }
}
