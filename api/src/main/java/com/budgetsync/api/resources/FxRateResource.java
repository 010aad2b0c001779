package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import io.dropwizard.auth.Auth;
import com.budgetsync.api.budget.FxRates;
import com.budgetsync.api.views.FxRatesRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The dated exchange rates budget checks and reservations convert with. */
@Path("/api/fx-rates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FxRateResource {
    private final FxRates rates;

    public FxRateResource(FxRates rates) {
        this.rates = rates;
    }

    @PUT
    public Map<String, Object> put(@Auth Caller caller, @NotNull @Valid FxRatesRequest request) {
        // One rate table serves every customer: only the operator sets it.
        caller.requireAdmin();
        List<FxRates.Rate> parsed = request.rates().stream()
                .map(r -> new FxRates.Rate(BudgetCheckResource.currency(r.from()), BudgetCheckResource.currency(r.to()),
                        r.validFrom(), r.rate()))
                .toList();
        rates.save(parsed);
        return Map.of("saved", parsed.size());
    }
}
