package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.budget.BudgetDao;
import com.budgetsync.api.views.Ids;
import com.budgetsync.api.views.Page;
import com.budgetsync.domain.BudgetView;
import io.dropwizard.auth.Auth;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Active budgets with what procurement committed and reserved against them. */
@Path("/api/budgets")
@Produces(MediaType.APPLICATION_JSON)
public class BudgetResource {
    private final BudgetDao budgets;

    public BudgetResource(BudgetDao budgets) {
        this.budgets = budgets;
    }

    @GET
    public Page<BudgetView> list(@Auth Caller caller, @QueryParam("customerId") @NotNull
                                 @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE) String customerId,
                                 @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                 @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        caller.checkCustomer(customerId);
        return new Page<>(budgets.listActive(customerId, limit, offset), budgets.countActive(customerId), limit, offset);
    }
}
