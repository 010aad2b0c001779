package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import io.dropwizard.auth.Auth;
import com.budgetsync.api.budget.FiscalYears;
import com.budgetsync.api.views.CustomerUpdate;
import com.budgetsync.api.views.Ids;
import com.budgetsync.db.CustomerDao;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Customer settings: the fiscal-year start month that periods and budget checks follow, and how long the customer's
 * stored files are kept.
 */
@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {
    private final FiscalYears fiscalYears;
    private final CustomerDao customers;

    public CustomerResource(FiscalYears fiscalYears, CustomerDao customers) {
        this.fiscalYears = fiscalYears;
        this.customers = customers;
    }

    @PUT
    @Path("/{id}")
    public Map<String, Object> update(@Auth Caller caller, @PathParam("id") @Pattern(regexp = Ids.CUSTOMER_PATTERN,
                                              message = Ids.CUSTOMER_MESSAGE) String id,
                                      @NotNull @Valid CustomerUpdate update) {
        caller.checkCustomer(id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        if (update.fiscalYearStartMonth() != null) {
            int moved = fiscalYears.setStartMonth(id, update.fiscalYearStartMonth());
            answer.put("fiscalYearStartMonth", update.fiscalYearStartMonth());
            answer.put("budgetsRedated", moved);
        }
        if (update.fileRetentionDays() != null) {
            Integer days = update.fileRetentionDays() == 0 ? null : update.fileRetentionDays();
            customers.setFileRetentionDays(id, days);
            answer.put("fileRetentionDays", days);
        }
        return answer;
    }
}
