package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.core.ChangePreviews;
import com.budgetsync.api.core.Reruns;
import com.budgetsync.api.errors.ApiError;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.workflow.ChangePreview;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;

/**
 * Dry runs: what importing a stored file would change (counts, a sample of each kind of change with old and new
 * amounts, and the status the run would end with), before anything is written. For a run held by the mass-deletion
 * guard before it is approved, or for any file a config has stored. A worker runs them through Temporal.
 */
@Path("/api/sync")
@Produces(MediaType.APPLICATION_JSON)
public class ChangePreviewResource {
    private final SyncHistoryDao history;
    private final ConfigDao configs;
    private final FileStore files;
    private final Reruns reruns;
    private final ChangePreviews previews;

    public ChangePreviewResource(SyncHistoryDao history, ConfigDao configs, FileStore files, Reruns reruns,
                                 ChangePreviews previews) {
        this.history = history;
        this.configs = configs;
        this.files = files;
        this.reruns = reruns;
        this.previews = previews;
    }

    /** The run's file with its config as it is now: what Approve or Retry would change. */
    @POST
    @Path("/history/{syncId}/dry-run")
    @ApiResponse(responseCode = "200", description = "what the file would change; nothing was written",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChangePreview.class)))
    @ApiResponse(responseCode = "409", description = "the run read no file, or its config or file is gone",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "504", description = "no worker answered within 2 minutes",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    public ChangePreview ofRun(@Auth Caller caller, @PathParam("syncId") String syncId) {
        SyncRecord run = history.find(syncId).filter(r -> caller.canSee(r.customerId()))
                .orElseThrow(() -> ApiException.notFound("sync " + syncId + " not found"));
        if (run.fileId() == null) {
            throw ApiException.conflict("sync " + syncId + " read no file: there is nothing to preview", null);
        }
        return previews.preview(reruns.configOf(run), reruns.fileOf(run));
    }

    /** Which stored file to preview with which config. */
    public record DryRunRequest(@NotNull Long configId, @NotNull Long fileId) {
    }

    /**
     * Any file the config has stored (downloaded or uploaded), by the {@code fileId} its runs show: beside
     * {@code /trigger}, which starts a run of a config, this answers what a run of that file would do.
     */
    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "what the file would change; nothing was written",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChangePreview.class)))
    @ApiResponse(responseCode = "404", description = "no such config, or the config has no such file",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "504", description = "no worker answered within 2 minutes",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    public ChangePreview ofFile(@Auth Caller caller, @NotNull @Valid DryRunRequest request) {
        long id = request.configId();
        DataSourceConfig config = configs.find(id).filter(c -> caller.canSee(c.customerId()))
                .orElseThrow(() -> ApiException.notFound("config " + id + " not found"));
        StoredFile file = files.find(request.fileId()).filter(f -> Objects.equals(f.configId(), config.id()))
                .orElseThrow(() -> ApiException.notFound("config " + id + " has no stored file " + request.fileId()));
        return previews.preview(config, file);
    }
}
