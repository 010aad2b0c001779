package com.budgetsync.api.review;

import com.budgetsync.api.audit.ConfigAuditStore;
import com.budgetsync.api.audit.ConfigDiff;
import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.core.Reruns;
import com.budgetsync.api.core.SyncRunner;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.CustomerDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.parsing.UnreadableFileException;
import com.budgetsync.rows.MappingSettings;
import io.dropwizard.auth.Auth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;

/**
 * A run's mapping review. GET: the stored file as a grid with the mapping the config's current pins give it.
 * POST {pins}: saves the answers as the config's pins (audited like any config change) and runs the same stored file
 * again, in one call — what a person did before by reading JSON, editing {@code options.pins} and retrying.
 */
@Path("/api/sync/history/{syncId}/review")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {
    private final SyncHistoryDao history;
    private final ConfigDao configs;
    private final FileStore files;
    private final CustomerDao customers;
    private final Reruns reruns;
    private final ConfigAuditStore audit;

    public ReviewResource(SyncHistoryDao history, ConfigDao configs, FileStore files, CustomerDao customers,
                          Reruns reruns, ConfigAuditStore audit) {
        this.history = history;
        this.configs = configs;
        this.files = files;
        this.customers = customers;
        this.reruns = reruns;
        this.audit = audit;
    }

    /** What the review page shows; {@code pins} are the config's current ones. */
    public record Review(String syncId, String status, String message, long configId, String filename,
                         Map<String, String> pins, FilePreview file) {
    }

    /** The answers: column header → field (department, fiscalPeriod, amount, subCategory, currency). */
    public record Answers(@NotEmpty Map<String, String> pins) {
    }

    @GET
    public Review review(@Auth Caller caller, @PathParam("syncId") String syncId) throws IOException {
        SyncRecord run = find(caller, syncId);
        DataSourceConfig config = reruns.configOf(run);
        return new Review(run.syncId(), run.status().dbValue(), run.message(), config.id(), run.filename(),
                config.options().pinsOrEmpty(), read(run, config));
    }

    @POST
    public Response resolve(@Auth Caller caller, @PathParam("syncId") String syncId,
                            @NotNull @Valid Answers answers) throws IOException {
        SyncRecord run = find(caller, syncId);
        reruns.requireRetryable(run);
        DataSourceConfig before = reruns.configOf(run);
        Map<String, String> pins = PinsUpdate.merge(before.options().pinsOrEmpty(), answers.pins(),
                read(run, before).headers());
        DataSourceConfig after = configs.update(new DataSourceConfig(before.id(), before.customerId(), before.name(),
                before.sourceType(), before.enabled(), before.frequency(), before.timezone(), before.sourceConfig(),
                before.options().withPins(pins),
                before.lastSyncAt(), before.lastSyncStatus(), before.nextSyncAt(), before.createdAt(),
                before.updatedAt()));
        audit.record(after.id(), after.customerId(), caller.getName(), "update",
                ConfigDiff.between(before, after));
        SyncRunner.StartedRun rerun = reruns.retry(run);
        return Response.accepted(Map.of("reviewedSyncId", syncId, "syncId", rerun.syncId(),
                "workflowId", rerun.workflowId(), "pins", pins)).build();
    }

    private FilePreview read(SyncRecord run, DataSourceConfig config) throws IOException {
        StoredFile file = run.fileId() == null ? null : files.find(run.fileId()).orElse(null);
        if (file == null) {
            throw ApiException.conflict("sync " + run.syncId() + " has no stored file to review", null);
        }
        try {
            return FilePreview.of(files.content(file), config.options(), MappingSettings.read(config),
                    customers.fiscalYearStartMonth(run.customerId()));
        } catch (UnreadableFileException e) {
            throw new ApiException(422, e.getMessage());
        }
    }

    private SyncRecord find(Caller caller, String syncId) {
        return history.find(syncId).filter(r -> caller.canSee(r.customerId()))
                .orElseThrow(() -> ApiException.notFound("sync " + syncId + " not found"));
    }
}
