package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import io.dropwizard.auth.Auth;
import com.budgetsync.api.budget.FiscalYears;
import com.budgetsync.api.views.CustomerUpdate;
import com.budgetsync.api.views.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Customer settings: the fiscal-year start month that periods and budget checks follow. */
@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {
    private final FiscalYears fiscalYears;

    public CustomerResource(FiscalYears fiscalYears) {
        this.fiscalYears = fiscalYears;
    }

    @PUT
    @Path("/{id}")
    public Map<String, Object> update(@Auth Caller caller, @PathParam("id") @Pattern(regexp = Ids.CUSTOMER_PATTERN,
                                              message = Ids.CUSTOMER_MESSAGE) String id,
                                      @NotNull @Valid CustomerUpdate update) {
        caller.checkCustomer(id);
        int moved = fiscalYears.setStartMonth(id, update.fiscalYearStartMonth());
        return Map.of("id", id, "fiscalYearStartMonth", update.fiscalYearStartMonth(), "budgetsRedated", moved);
    }
}
