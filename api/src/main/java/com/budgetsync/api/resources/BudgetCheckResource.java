package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import io.dropwizard.auth.Auth;
import com.budgetsync.api.budget.BudgetChecker;
import com.budgetsync.api.budget.CheckResult;
import com.budgetsync.api.budget.Utilization;
import com.budgetsync.api.budget.UtilizationCommand;
import com.budgetsync.api.budget.UtilizationResult;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.BudgetCheckRequest;
import com.budgetsync.api.views.UtilizationRequest;
import com.budgetsync.normalize.CurrencyCodes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Procurement's side: "is there budget left?" and the reservations and commitments drawn on budgets. Semantics of
 * reserve, commit and release are described on {@link Utilization}.
 */
@Path("/api/budget")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BudgetCheckResource {
    private final BudgetChecker checker;
    private final Utilization utilization;

    public BudgetCheckResource(BudgetChecker checker, Utilization utilization) {
        this.checker = checker;
        this.utilization = utilization;
    }

    @POST
    @Path("/check")
    public CheckResult check(@Auth Caller caller, @NotNull @Valid BudgetCheckRequest request) {
        caller.checkCustomer(request.customerId());
        return checker.check(request.target(), request.amount(), currency(request.currency()),
                Boolean.TRUE.equals(request.enforce()));
    }

    @POST
    @Path("/reserve")
    public UtilizationResult reserve(@Auth Caller caller, @NotNull @Valid UtilizationRequest request) {
        return utilization.reserve(command(caller, request));
    }

    @POST
    @Path("/commit")
    public UtilizationResult commit(@Auth Caller caller, @NotNull @Valid UtilizationRequest request) {
        return utilization.commit(command(caller, request));
    }

    @POST
    @Path("/release")
    public UtilizationResult release(@Auth Caller caller, @NotNull @Valid UtilizationRequest request) {
        return utilization.release(command(caller, request));
    }

    private static UtilizationCommand command(Caller caller, UtilizationRequest request) {
        caller.checkCustomer(request.customerId());
        return new UtilizationCommand(request.requestId(), request.target(), request.amount(),
                request.currency() == null ? null : currency(request.currency()),
                Boolean.TRUE.equals(request.enforce()), caller.getName(), request.overrideReason());
    }

    static String currency(String text) {
        return CurrencyCodes.parse(text).orElseThrow(() -> ApiException.badRequest(
                "currency '" + text + "' is not an ISO 4217 code"));
    }
}
