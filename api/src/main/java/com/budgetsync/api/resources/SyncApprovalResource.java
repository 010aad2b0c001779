package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import io.dropwizard.auth.Auth;
import com.budgetsync.api.core.SyncRunner;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Approving a run the mass-deletion guard held: a new manual run of the very file that was reviewed, with the guard
 * skipped once. The held run keeps its needs_review record; the new run has its own history.
 */
@Path("/api/sync/history/{syncId}/approve")
@Produces(MediaType.APPLICATION_JSON)
public class SyncApprovalResource {
    private final ConfigDao configs;
    private final SyncHistoryDao history;
    private final FileStore files;
    private final SyncRunner runner;

    public SyncApprovalResource(ConfigDao configs, SyncHistoryDao history, FileStore files, SyncRunner runner) {
        this.configs = configs;
        this.history = history;
        this.files = files;
        this.runner = runner;
    }

    @POST
    public Response approve(@Auth Caller caller, @PathParam("syncId") String syncId) {
        SyncRecord held = history.find(syncId).filter(r -> caller.canSee(r.customerId())).orElseThrow(() -> ApiException.notFound("sync " + syncId + " not found"));
        if (held.status() != SyncStatus.NEEDS_REVIEW || held.fileId() == null) {
            throw ApiException.conflict("sync " + syncId + " is " + held.status().dbValue()
                    + "; only a run held for review can be approved", Map.of("status", held.status()));
        }
        DataSourceConfig config = configs.find(held.configId() == null ? -1 : held.configId())
                .orElseThrow(() -> ApiException.conflict("the config of sync " + syncId + " was deleted", null));
        StoredFile file = files.find(held.fileId())
                .orElseThrow(() -> ApiException.conflict("the file of sync " + syncId + " is gone", null));
        SyncRunner.StartedRun run = runner.start(config, TriggeredBy.MANUAL, file, true);
        return Response.accepted(Map.of("approvedSyncId", syncId, "syncId", run.syncId(),
                "workflowId", run.workflowId())).build();
    }
}
