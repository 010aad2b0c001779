package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.core.SyncRunner;
import com.budgetsync.api.errors.ApiError;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.Ids;
import com.budgetsync.api.views.StartedSync;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.FileTooLargeException;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.runs.RunInProgressException;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file sent by a person or a script: stored, then synced by its own workflow run. Only spreadsheet and text types
 * are accepted (415 otherwise), up to {@code worker.maxFileBytes} (413).
 */
@Path("/api/sync/upload")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {
    private final ConfigDao configs;
    private final FileStore files;
    private final SyncRunner runner;
    private final long maxBytes;

    public UploadResource(ConfigDao configs, FileStore files, SyncRunner runner, long maxBytes) {
        this.configs = configs;
        this.files = files;
        this.runner = runner;
        this.maxBytes = maxBytes;
    }

    /** The raw file as the request body. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RequestBody(description = "the file's bytes (CSV or Excel), or a multipart form with a part named file",
            content = {@Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = UploadForm.class))})
    @ApiResponse(responseCode = "202", description = "stored; its run started",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StartedSync.class)))
    @ApiResponse(responseCode = "409", description = "a run of that config is still going: details.runningSyncId",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "413", description = "the file is larger than the upload limit",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "415", description = "the content type is not a file's",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    public Response uploadRaw(@Auth Caller caller, @QueryParam("customerId") @NotNull
                              @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE) String customerId,
                              @QueryParam("configId") Long configId,
                              @QueryParam("filename") @Size(max = 255) String filename,
                              @Context HttpHeaders headers,
                              @Parameter(hidden = true) InputStream body) throws IOException {
        return accept(caller, customerId, configId, filename, FileContentTypes.checked(headers.getMediaType(), body));
    }

    /** A form with a {@code file} part, as browsers and {@code curl -F file=@budget.csv} send it. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true) // documented with uploadRaw: one path, one operation
    public Response uploadForm(@Auth Caller caller, @QueryParam("customerId") @NotNull
                               @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE) String customerId,
                               @QueryParam("configId") Long configId,
                               @QueryParam("filename") @Size(max = 255) String filename,
                               @FormDataParam("file") InputStream file,
                               @FormDataParam("file") FormDataContentDisposition disposition) throws IOException {
        if (file == null) {
            throw ApiException.badRequest("multipart upload needs a part named 'file'");
        }
        String name = filename != null ? filename : disposition == null ? null : disposition.getFileName();
        return accept(caller, customerId, configId, name, file);
    }

    private Response accept(Caller caller, String customerId, Long configId, String filename, InputStream body)
            throws IOException {
        caller.checkCustomer(customerId);
        if (filename == null || filename.isBlank()) {
            throw ApiException.badRequest("filename is required (query parameter filename, or the form part's name)");
        }
        DataSourceConfig config = configId == null ? configs.uploadConfigOf(customerId)
                : configs.getOfCustomer(customerId, configId);
        StoredFile stored;
        try {
            stored = files.store(customerId, config.id(), baseName(filename), body, maxBytes, FileStore.Origin.NONE);
        } catch (FileTooLargeException e) {
            throw new ApiException(413, e.getMessage());
        }
        SyncRunner.StartedRun run;
        try {
            run = runner.start(config, TriggeredBy.API, stored, false);
        } catch (RunInProgressException busy) {
            files.deleteUnused(stored.id()); // refused: nothing will ever read it
            throw busy;
        }
        return Response.accepted(new StartedSync(config.id(), run.syncId(), run.workflowId(), run.runId())).build();
    }

    /** The multipart form as the OpenAPI document shows it. */
    private record UploadForm(@Schema(type = "string", format = "binary") String file) {
    }

    private static String baseName(String filename) {
        String name = filename.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
