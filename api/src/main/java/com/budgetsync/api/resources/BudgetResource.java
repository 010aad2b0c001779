package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.budget.BudgetSearch;
import com.budgetsync.api.budget.BudgetSummary;
import com.budgetsync.api.budget.CustomerBudgetSettings;
import com.budgetsync.api.budget.Policy;
import com.budgetsync.api.views.BudgetPolicyRequest;
import com.budgetsync.api.views.BudgetPolicyView;
import com.budgetsync.api.views.Ids;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.BudgetAuditTrail;
import com.budgetsync.api.views.BudgetPage;
import io.dropwizard.auth.Auth;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Active budgets with what procurement committed and reserved against them. */
@Path("/api/budgets")
@Produces(MediaType.APPLICATION_JSON)
public class BudgetResource {
    private final BudgetSearch budgets;
    private final CustomerBudgetSettings settings;
    private final BudgetSummary summary;

    public BudgetResource(BudgetSearch budgets, CustomerBudgetSettings settings, BudgetSummary summary) {
        this.budgets = budgets;
        this.settings = settings;
        this.summary = summary;
    }

    /**
     * Per department: budget, committed, reserved, available and % used, over the budgets within {@code period}
     * ({@code FY2025}, {@code FY2025-Q1}, {@code 2025-03}; all active budgets without one).
     */
    @GET
    @Path("/summary")
    public BudgetSummary.Summary summary(@Auth Caller caller, @QueryParam("customerId") @NotNull
                                                 @Pattern(regexp = Ids.CUSTOMER_PATTERN,
                                                         message = Ids.CUSTOMER_MESSAGE) String customerId,
                                         @QueryParam("period") @Size(max = 100) String period) {
        caller.checkCustomer(customerId);
        return summary.of(customerId, period);
    }

    /**
     * Active budgets, in department / sub-category / period order; {@code department} and {@code period} keep those
     * containing the text (any case); {@code deleted=true} adds soft-deleted ones, with their {@code deletedAt}.
     */
    @GET
    public BudgetPage list(@Auth Caller caller, @QueryParam("customerId") @NotNull
                                          @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE)
                                          String customerId,
                                          @QueryParam("department") @Size(max = 200) String department,
                                          @QueryParam("period") @Size(max = 100) String period,
                                          @QueryParam("deleted") @DefaultValue("false") boolean deleted,
                                          @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                          @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        caller.checkCustomer(customerId);
        BudgetSearch.Filter filter = new BudgetSearch.Filter(customerId, department, period, deleted);
        return new BudgetPage(customerId, budgets.count(filter), limit, offset, budgets.page(filter, limit, offset));
    }

    /**
     * Sets a budget's own policy ({@code hard | soft | notify}) over its customer's; {@code null} returns it to the
     * customer's. The budget keeps it across imports.
     */
    @PUT
    @Path("/{id}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public BudgetPolicyView policy(@Auth Caller caller, @PathParam("id") long id,
                                   @NotNull BudgetPolicyRequest request) {
        String customerId = budgets.customerOf(id).filter(caller::canSee)
                .orElseThrow(() -> ApiException.notFound("budget " + id + " not found"));
        settings.setBudgetPolicy(id, request.policy());
        Policy effective = request.policy() != null ? request.policy() : settings.get(customerId).budgetPolicy();
        return new BudgetPolicyView(customerId, id, request.policy(), effective);
    }

    /** Every change to one budget, newest first: imports (with their sync id) and procurement's requests. */
    @GET
    @Path("/{id}/audit")
    public BudgetAuditTrail audit(@Auth Caller caller, @PathParam("id") long id) {
        String customerId = budgets.customerOf(id).filter(caller::canSee)
                .orElseThrow(() -> ApiException.notFound("budget " + id + " not found"));
        return BudgetAuditTrail.of(customerId, id, budgets.audit(id));
    }
}
