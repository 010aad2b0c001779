package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.core.Reruns;
import com.budgetsync.api.core.SyncRunner;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.HistoryQuery;
import com.budgetsync.api.views.Page;
import com.budgetsync.api.views.SpreadsheetSafe;
import com.budgetsync.api.views.StartedSync;
import com.budgetsync.api.views.SyncView;
import com.budgetsync.api.views.TriggerRequest;
import com.budgetsync.api.views.TriggerResponse;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.HistoryFilter;
import com.budgetsync.db.HistorySearch;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.runs.RunInProgressException;
import io.dropwizard.auth.Auth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Runs now, and the history of runs. */
@Path("/api/sync")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncResource {
    private final ConfigDao configs;
    private final SyncHistoryDao history;
    private final SyncRunner runner;
    private final Reruns reruns;
    private final NotificationDao notifications;
    private final HistorySearch search;

    public SyncResource(ConfigDao configs, SyncHistoryDao history, HistorySearch search, SyncRunner runner,
                        Reruns reruns, NotificationDao notifications) {
        this.configs = configs;
        this.history = history;
        this.search = search;
        this.runner = runner;
        this.reruns = reruns;
        this.notifications = notifications;
    }

    @POST
    @Path("/trigger")
    public Response trigger(@Auth Caller caller, @NotNull @Valid TriggerRequest request) {
        caller.checkCustomer(request.customerId());
        List<DataSourceConfig> targets;
        if (request.configId() != null) {
            DataSourceConfig config = configs.getOfCustomer(request.customerId(), request.configId());
            targets = List.of(config);
        } else {
            targets = configs.listByCustomer(request.customerId()).stream()
                    .filter(c -> c.enabled() && c.sourceType() != SourceType.UPLOAD).toList();
            if (targets.isEmpty()) {
                throw ApiException.notFound("customer " + request.customerId() + " has no enabled config to sync");
            }
        }
        boolean force = request.force() != null && request.force();
        List<StartedSync> runs = new ArrayList<>();
        Map<Long, String> busy = new TreeMap<>();
        RunInProgressException firstBusy = null;
        for (DataSourceConfig c : targets) {
            try {
                SyncRunner.StartedRun run = runner.start(c, TriggeredBy.API, null, force);
                runs.add(new StartedSync(c.id(), run.syncId(), run.workflowId(), run.runId()));
            } catch (RunInProgressException e) {
                busy.put(c.id(), e.runningSyncId());
                firstBusy = firstBusy == null ? e : firstBusy;
            }
        }
        if (runs.isEmpty()) {
            throw firstBusy;
        }
        StartedSync first = runs.get(0);
        return Response.accepted(new TriggerResponse(true, "Sync started", first.syncId(), first.workflowId(), runs,
                busy)).build();
    }

    /** Runs, newest first, filtered by config, status and start time (HistoryQuery). */
    @GET
    @Path("/history")
    public Page<SyncView> history(@Auth Caller caller, @Valid @BeanParam HistoryQuery query,
                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                  @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        HistoryFilter filter = query.filterFor(caller);
        List<SyncView> items = search.page(filter, limit, offset).stream().map(SyncView::summary).toList();
        return new Page<>(items, search.count(filter), limit, offset);
    }

    @GET
    @Path("/history/{syncId}")
    public SyncView run(@Auth Caller caller, @PathParam("syncId") String syncId) {
        return SyncView.detail(find(caller, syncId), notifications.list(syncId));
    }

    /** Runs a failed or needs_review run again, with the file it read: 202 with the new run's sync id. */
    @POST
    @Path("/history/{syncId}/retry")
    public Response retry(@Auth Caller caller, @PathParam("syncId") String syncId) {
        return rerun("retriedSyncId", syncId, reruns.retry(find(caller, syncId)));
    }

    /** Applies a run the mass-deletion guard held, with exactly the file that was reviewed. */
    @POST
    @Path("/history/{syncId}/approve")
    public Response approve(@Auth Caller caller, @PathParam("syncId") String syncId) {
        return rerun("approvedSyncId", syncId, reruns.approve(find(caller, syncId)));
    }

    /** The run's row errors for a spreadsheet; cells that would run as formulas are neutralised. */
    @GET
    @Path("/history/{syncId}/errors.csv")
    @Produces("text/csv")
    public Response errorsCsv(@Auth Caller caller, @PathParam("syncId") String syncId) {
        List<RowError> errors = find(caller, syncId).errors();
        StreamingOutput csv = out -> {
            try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader("row", "column", "value", "message").get())) {
                for (RowError e : errors) {
                    printer.printRecord(e.row(), SpreadsheetSafe.cell(e.column()), SpreadsheetSafe.cell(e.value()),
                            SpreadsheetSafe.cell(e.message()));
                }
            }
        };
        return Response.ok(csv, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + syncId + "-errors.csv\"").build();
    }

    /** 202 naming the old run and the new one. */
    private static Response rerun(String oldKey, String oldSyncId, SyncRunner.StartedRun run) {
        return Response.accepted(Map.of(oldKey, oldSyncId, "syncId", run.syncId(), "workflowId", run.workflowId()))
                .build();
    }

    /** Another customer's run answers exactly like a missing one. */
    private SyncRecord find(Caller caller, String syncId) {
        return history.find(syncId).filter(r -> caller.canSee(r.customerId()))
                .orElseThrow(() -> ApiException.notFound("sync " + syncId + " not found"));
    }
}
