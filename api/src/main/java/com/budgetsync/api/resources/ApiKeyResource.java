package com.budgetsync.api.resources;

import com.budgetsync.api.auth.ApiKeyStore;
import com.budgetsync.api.auth.VerifiedKeys;
import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.ApiKeyList;
import com.budgetsync.api.views.ApiKeyRequest;
import com.budgetsync.api.views.Ids;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The admin's management of customer API keys: create (the key is shown once), list, revoke. */
@Path("/api/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {
    private final ApiKeyStore keys;
    private final VerifiedKeys verified;

    /** {@code verified}: the keys this process verified lately, forgotten when one is revoked here */
    public ApiKeyResource(ApiKeyStore keys, VerifiedKeys verified) {
        this.keys = keys;
        this.verified = verified;
    }

    @POST
    @ApiResponse(responseCode = "201", description = "the key, shown this once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiKeyStore.CreatedKey.class)))
    public Response create(@Auth Caller caller, @NotNull @Valid ApiKeyRequest request) {
        caller.requireAdmin();
        return Response.status(201).entity(keys.create(request.customerId(), caller.getName())).build();
    }

    /** Every key, or one customer's; revoked keys stay listed with their revocation time. */
    @GET
    public ApiKeyList list(@Auth Caller caller, @QueryParam("customerId")
                                         @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE)
                                         String customerId) {
        caller.requireAdmin();
        return ApiKeyList.of(customerId, keys.list(customerId));
    }

    @DELETE
    @Path("/{id}")
    @ApiResponse(responseCode = "204", description = "revoked")
    public Response revoke(@Auth Caller caller, @PathParam("id") @Min(1) long id) {
        caller.requireAdmin();
        if (!verified.revoke(id)) {
            throw ApiException.notFound("API key " + id + " not found");
        }
        return Response.noContent().build();
    }
}
