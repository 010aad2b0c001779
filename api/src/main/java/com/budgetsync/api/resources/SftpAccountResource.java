package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.sftp.DropAccounts;
import com.budgetsync.api.views.Ids;
import com.budgetsync.api.views.SftpAccountRequest;
import com.budgetsync.api.views.SftpAccountView;
import com.budgetsync.api.views.SftpKeysRequest;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A customer's account on the SFTP server budget-sync hosts (docs/hosted-sftp.md): the admin or the customer's own
 * key creates it (with its polling config), reads it, sets a new password (shown once) or its public keys, deletes it.
 */
@Path("/api/customers/{customerId}/sftp-account")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SftpAccountResource {
    private final DropAccounts accounts;

    public SftpAccountResource(DropAccounts accounts) {
        this.accounts = accounts;
    }

    @POST
    @ApiResponse(responseCode = "201", description = "the account, its password shown this once, and the instructions",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SftpAccountView.class)))
    public Response createSftpAccount(@Auth Caller caller, @PathParam("customerId") @Pattern(regexp = Ids.CUSTOMER_PATTERN,
            message = Ids.CUSTOMER_MESSAGE) String customerId, @Valid SftpAccountRequest request) {
        caller.checkCustomer(customerId);
        SftpAccountRequest body = request == null ? new SftpAccountRequest(null, null, null, null, null) : request;
        return Response.status(201).entity(accounts.create(customerId, body, caller.getName())).build();
    }

    @GET
    public SftpAccountView getSftpAccount(@Auth Caller caller, @PathParam("customerId") String customerId) {
        return accounts.get(caller.checkCustomer(customerId));
    }

    @POST
    @Path("/password")
    public SftpAccountView newSftpPassword(@Auth Caller caller, @PathParam("customerId") String customerId) {
        return accounts.newPassword(caller.checkCustomer(customerId));
    }

    @PUT
    @Path("/keys")
    public SftpAccountView setSftpKeys(@Auth Caller caller, @PathParam("customerId") String customerId,
                                   @NotNull @Valid SftpKeysRequest request) {
        return accounts.setKeys(caller.checkCustomer(customerId), request.publicKeys());
    }

    @DELETE
    @ApiResponse(responseCode = "204", description = "deleted; the config and its history stay")
    public Response deleteSftpAccount(@Auth Caller caller, @PathParam("customerId") String customerId) {
        accounts.delete(caller.checkCustomer(customerId));
        return Response.noContent().build();
    }
}
