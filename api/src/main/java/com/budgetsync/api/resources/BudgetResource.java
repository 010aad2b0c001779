package com.budgetsync.api.resources;

import com.budgetsync.api.views.Page;
import com.budgetsync.db.BudgetDao;
import com.budgetsync.domain.BudgetView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
    public Page<BudgetView> list(@QueryParam("customerId") @NotNull String customerId,
                                 @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                 @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return new Page<>(budgets.listActive(customerId, limit, offset), budgets.countActive(customerId), limit, offset);
    }
}
