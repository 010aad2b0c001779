package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.core.SyncRunner;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.Ids;
import com.budgetsync.api.views.StartedSync;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.FileTooLargeException;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.TriggeredBy;
import io.dropwizard.auth.Auth;
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
import java.io.IOException;
import java.io.InputStream;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;

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
    public Response uploadRaw(@Auth Caller caller, @QueryParam("customerId") @NotNull
                              @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE) String customerId,
                              @QueryParam("configId") Long configId,
                              @QueryParam("filename") @Size(max = 255) String filename,
                              @Context HttpHeaders headers,
                              InputStream body) throws IOException {
        FileContentTypes.check(headers.getMediaType());
        return accept(caller, customerId, configId, filename, body);
    }

    /** A form with a {@code file} part, as browsers and {@code curl -F file=@budget.csv} send it. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
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
        SyncRunner.StartedRun run = runner.start(config, TriggeredBy.API, stored, false);
        return Response.accepted(new StartedSync(config.id(), run.syncId(), run.workflowId(), run.runId())).build();
    }

    private static String baseName(String filename) {
        String name = filename.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
