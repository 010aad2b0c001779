package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.budget.Aliases;
import com.budgetsync.api.budget.CustomerBudgetSettings;
import com.budgetsync.api.budget.FiscalYears;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.AliasesRequest;
import com.budgetsync.api.views.AliasesView;
import com.budgetsync.api.views.CustomerSettingsView;
import com.budgetsync.api.views.CustomerUpdate;
import com.budgetsync.api.views.Ids;
import io.dropwizard.auth.Auth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Customer settings: the fiscal-year start month that periods and budget checks follow, the budget policy, what
 * {@code available} subtracts, the alert thresholds, and the aliases intake forms use for budget names.
 */
@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {
    private final FiscalYears fiscalYears;
    private final CustomerBudgetSettings settings;
    private final Aliases aliases;

    public CustomerResource(FiscalYears fiscalYears, CustomerBudgetSettings settings, Aliases aliases) {
        this.fiscalYears = fiscalYears;
        this.settings = settings;
        this.aliases = aliases;
    }

    @GET
    @Path("/{id}")
    public CustomerSettingsView get(@Auth Caller caller, @PathParam("id") @Pattern(regexp = Ids.CUSTOMER_PATTERN,
            message = Ids.CUSTOMER_MESSAGE) String id) {
        caller.checkCustomer(id);
        return CustomerSettingsView.of(settings.get(id), null);
    }

    /** Changes what the body gives; a new start month re-dates the customer's year and quarter budgets. */
    @PUT
    @Path("/{id}")
    public CustomerSettingsView update(@Auth Caller caller, @PathParam("id") @Pattern(regexp = Ids.CUSTOMER_PATTERN,
                                               message = Ids.CUSTOMER_MESSAGE) String id,
                                       @NotNull @Valid CustomerUpdate update) {
        caller.checkCustomer(id);
        if (update.isEmpty()) {
            throw ApiException.badRequest("nothing to change: give fiscalYearStartMonth, budgetPolicy, "
                    + "availableSubtracts or alertThresholds");
        }
        Integer moved = update.fiscalYearStartMonth() == null ? null
                : fiscalYears.setStartMonth(id, update.fiscalYearStartMonth());
        return CustomerSettingsView.of(settings.update(id, update.budgetPolicy(), update.availableSubtracts(),
                update.alertThresholds()), moved);
    }

    @GET
    @Path("/{id}/aliases")
    public AliasesView aliases(@Auth Caller caller, @PathParam("id") @Pattern(regexp = Ids.CUSTOMER_PATTERN,
            message = Ids.CUSTOMER_MESSAGE) String id) {
        caller.checkCustomer(id);
        Aliases.Set set = aliases.get(id);
        return new AliasesView(id, set.departments(), set.subCategories());
    }

    /** Replaces the customer's whole set of aliases (an empty body's maps remove them all). */
    @PUT
    @Path("/{id}/aliases")
    public AliasesView replaceAliases(@Auth Caller caller, @PathParam("id") @Pattern(
                                              regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE) String id,
                                      @NotNull @Valid AliasesRequest request) {
        caller.checkCustomer(id);
        Aliases.Set set = aliases.replace(id, new Aliases.Set(request.departmentsOrNone(),
                request.subCategoriesOrNone()));
        return new AliasesView(id, set.departments(), set.subCategories());
    }
}
