package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.auth.VerifiedKeys;
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
import com.budgetsync.db.CustomerDao;
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
import com.budgetsync.api.core.CustomerErasure;
import com.budgetsync.api.core.CustomerExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A customer: its settings (the fiscal-year start month that periods and budget checks follow, the budget policy,
 * what {@code available} subtracts, the alert thresholds, how long its stored files are kept), the aliases intake
 * forms use for budget names, its data as a zip, and its erasure.
 */
@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {
    private final FiscalYears fiscalYears;
    private final CustomerBudgetSettings settings;
    private final Aliases aliases;
    private final CustomerDao customers;
    private final CustomerExport export;
    private final CustomerErasure erasure;
    private final VerifiedKeys verifiedKeys;

    public CustomerResource(FiscalYears fiscalYears, CustomerBudgetSettings settings, Aliases aliases,
                            CustomerDao customers, CustomerExport export, CustomerErasure erasure,
                            VerifiedKeys verifiedKeys) {
        this.fiscalYears = fiscalYears;
        this.settings = settings;
        this.aliases = aliases;
        this.customers = customers;
        this.export = export;
        this.erasure = erasure;
        this.verifiedKeys = verifiedKeys;
    }

    @GET
    @Path("/{id}/export")
    @Produces("application/zip")
    @Operation(summary = "the customer's data as a zip: budgets, utilization, requests, audit log, sync history and"
            + " config audit (CSV), configs (JSON, secrets left out); streamed")
    @ApiResponse(responseCode = "200", description = "the zip, streamed", content = @Content(
            mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "no such customer")
    public Response export(@Auth Caller caller, @PathParam("id") @Pattern(regexp = Ids.CUSTOMER_PATTERN,
            message = Ids.CUSTOMER_MESSAGE) String id) {
        known(caller.checkCustomer(id));
        StreamingOutput zip = out -> export.write(id, out);
        return Response.ok(zip, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + id + "-export.zip\"").build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "erase the customer (admin only): schedules stopped, every row of the customer deleted in"
            + " one transaction, one erasure record left (docs/security.md#erasing-a-customer)")
    @ApiResponse(responseCode = "200", description = "erased: {success, message, customerId, erasedBy, counts}")
    @ApiResponse(responseCode = "400", description = "confirm does not name the customer")
    @ApiResponse(responseCode = "404", description = "no such customer")
    @ApiResponse(responseCode = "409", description = "a run of the customer is in progress")
    public Map<String, Object> erase(@Auth Caller caller, @PathParam("id") @Pattern(regexp = Ids.CUSTOMER_PATTERN,
                                             message = Ids.CUSTOMER_MESSAGE) String id,
                                     @QueryParam("confirm") String confirm) {
        caller.requireAdmin();
        known(id);
        if (!id.equals(confirm)) {
            throw ApiException.badRequest("erasing a customer cannot be undone: confirm it by naming the customer,"
                    + " ?confirm=" + id);
        }
        CustomerErasure.Erased erased = erasure.erase(id, caller.getName());
        // Its keys were deleted with it: none may keep working from this instance's cache of verified keys.
        verifiedKeys.forgetAll();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("message", "Customer erased");
        answer.put("customerId", id);
        answer.put("erasedBy", caller.getName());
        answer.put("counts", erased.counts());
        if (!erased.notErased().isEmpty()) {
            answer.put("notErased", erased.notErased());
        }
        return answer;
    }

    private void known(String id) {
        if (!customers.exists(id)) {
            throw ApiException.notFound("customer '" + id + "' not found");
        }
    }

    @GET
    @Path("/{id}")
    public CustomerSettingsView get(@Auth Caller caller, @PathParam("id") @Pattern(regexp = Ids.CUSTOMER_PATTERN,
            message = Ids.CUSTOMER_MESSAGE) String id) {
        caller.checkCustomer(id);
        return CustomerSettingsView.of(settings.get(id), customers.fileRetentionDays(id), null);
    }

    /** Changes what the body gives; a new start month re-dates the customer's year and quarter budgets. */
    @PUT
    @Path("/{id}")
    public CustomerSettingsView update(@Auth Caller caller, @PathParam("id") @Pattern(regexp = Ids.CUSTOMER_PATTERN,
                                               message = Ids.CUSTOMER_MESSAGE) String id,
                                       @NotNull @Valid CustomerUpdate update) {
        caller.checkCustomer(id);
        Integer moved = update.fiscalYearStartMonth() == null ? null
                : fiscalYears.setStartMonth(id, update.fiscalYearStartMonth());
        if (update.fileRetentionDays() != null) {
            customers.setFileRetentionDays(id, update.fileRetentionDays() == 0 ? null : update.fileRetentionDays());
        }
        return CustomerSettingsView.of(settings.update(id, update.budgetPolicy(), update.availableSubtracts(),
                update.alertThresholds()), customers.fileRetentionDays(id), moved);
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
