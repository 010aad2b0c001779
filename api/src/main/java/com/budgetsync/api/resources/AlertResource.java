package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.AlertClosed;
import com.budgetsync.api.views.AlertPage;
import com.budgetsync.api.views.Ids;
import com.budgetsync.db.AlertDao;
import com.budgetsync.domain.Alert;
import io.dropwizard.auth.Auth;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The alerts the checks raised (docs/operations.md#alerts): listed per customer, or for the admin every customer's,
 * and closed by a person once handled. A customer key sees and closes only its own customer's.
 */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
    private final AlertDao alerts;

    public AlertResource(AlertDao alerts) {
        this.alerts = alerts;
    }

    /** Newest first; {@code open=true}: only alerts not closed yet. A customer key without customerId: its own. */
    @GET
    public AlertPage list(@Auth Caller caller,
                          @QueryParam("customerId") @Pattern(regexp = Ids.CUSTOMER_PATTERN,
                                  message = Ids.CUSTOMER_MESSAGE) String customerId,
                          @QueryParam("open") @DefaultValue("false") boolean open,
                          @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
                          @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        String customer = customerId != null ? caller.checkCustomer(customerId) : caller.customerId();
        return new AlertPage(customer, open, alerts.count(customer, open), limit, offset,
                alerts.list(customer, open, limit, offset));
    }

    /** Closes an open alert; closing a closed one changes nothing and says so. */
    @POST
    @Path("/{id}/close")
    public AlertClosed close(@Auth Caller caller, @PathParam("id") @Min(1) long id) {
        alerts.find(id).filter(a -> caller.canSee(a.customerId())).orElseThrow(() -> notFound(id));
        boolean closed = alerts.close(id, caller.getName());
        Alert now = alerts.find(id).orElseThrow(() -> notFound(id));
        return new AlertClosed(true, closed ? "Alert closed" : "Alert was already closed (" + now.closedBy() + ")",
                now);
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("alert " + id + " not found");
    }
}
