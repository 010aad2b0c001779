package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.views.Ids;
import com.budgetsync.db.SourceStatusDao;
import io.dropwizard.auth.Auth;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** GET /api/sync/sources?customerId=: each config's latest run and failure streak, beside the config list. */
@Path("/api/sync/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceStatusResource {
    private final SourceStatusDao statuses;

    public SourceStatusResource(SourceStatusDao statuses) {
        this.statuses = statuses;
    }

    @GET
    public List<SourceStatusDao.SourceStatus> list(@Auth Caller caller, @QueryParam("customerId") @NotNull
                                                   @Pattern(regexp = Ids.CUSTOMER_PATTERN,
                                                           message = Ids.CUSTOMER_MESSAGE) String customerId) {
        caller.checkCustomer(customerId);
        return statuses.list(customerId);
    }
}
