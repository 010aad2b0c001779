package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.core.Reruns;
import com.budgetsync.api.core.SyncRunner;
import com.budgetsync.api.errors.ApiError;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.HistoryPage;
import com.budgetsync.api.views.HistoryQuery;
import com.budgetsync.api.views.Rerun;
import com.budgetsync.api.views.RunProgressView;
import com.budgetsync.api.views.SpreadsheetSafe;
import com.budgetsync.api.views.StartedSync;
import com.budgetsync.api.views.SyncView;
import com.budgetsync.api.views.TriggerRequest;
import com.budgetsync.api.views.TriggerResponse;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.HistoryFilter;
import com.budgetsync.db.HistorySearch;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.db.RunProgressDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.runs.RunInProgressException;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    private final RunProgressDao progress;

    public SyncResource(ConfigDao configs, SyncHistoryDao history, HistorySearch search, SyncRunner runner,
                        Reruns reruns, NotificationDao notifications, RunProgressDao progress) {
        this.configs = configs;
        this.history = history;
        this.search = search;
        this.runner = runner;
        this.reruns = reruns;
        this.notifications = notifications;
        this.progress = progress;
    }

    @POST
    @Path("/trigger")
    @ApiResponse(responseCode = "202", description = "started",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TriggerResponse.class)))
    @ApiResponse(responseCode = "409", description = "a run of that config is still going: details.runningSyncId",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
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
        return Response.accepted(new TriggerResponse(true, TriggerResponse.MESSAGE, request.customerId(), first.syncId(), first.workflowId(), runs,
                busy)).build();
    }

    /** Runs, newest first, filtered by config, status and start time (HistoryQuery). */
    @GET
    @Path("/history")
    public HistoryPage history(@Auth Caller caller, @Valid @BeanParam HistoryQuery query,
                               @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                               @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        HistoryFilter filter = query.filterFor(caller);
        Map<Long, String> sourceTypes = new HashMap<>();
        configs.listByCustomer(filter.customerId()).forEach(c -> sourceTypes.put(c.id(), c.sourceType().dbValue()));
        List<SyncView> runs = search.page(filter, limit, offset).stream()
                .map(r -> SyncView.summary(r, sourceTypes.get(r.configId()))).toList();
        return new HistoryPage(filter.customerId(), filter.configId(), search.count(filter), limit, offset, runs);
    }

    @GET
    @Path("/history/{syncId}")
    public SyncView run(@Auth Caller caller, @PathParam("syncId") String syncId) {
        SyncRecord run = find(caller, syncId);
        return SyncView.detail(run, run.configId() == null ? null
                : configs.find(run.configId()).map(c -> c.sourceType().dbValue()).orElse(null), notifications.list(syncId));
    }

    /** Runs a failed or needs_review run again, with the file it read: 202 with the new run's sync id. */
    @POST
    @Path("/history/{syncId}/retry")
    @ApiResponse(responseCode = "202", description = "the new run started",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Rerun.class)))
    @ApiResponse(responseCode = "409", description = "the run cannot be retried, or its config is busy",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    public Response retry(@Auth Caller caller, @PathParam("syncId") String syncId) {
        SyncRunner.StartedRun run = reruns.retry(find(caller, syncId));
        return Response.accepted(new Rerun(syncId, null, run.syncId(), run.workflowId())).build();
    }

    /** Applies a run the mass-deletion guard held, with exactly the file that was reviewed. */
    @POST
    @Path("/history/{syncId}/approve")
    @ApiResponse(responseCode = "202", description = "the held run is applied as a new run",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Rerun.class)))
    @ApiResponse(responseCode = "409", description = "the run is not held for approval, or its config is busy",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    public Response approve(@Auth Caller caller, @PathParam("syncId") String syncId) {
        SyncRunner.StartedRun run = reruns.approve(find(caller, syncId));
        return Response.accepted(new Rerun(null, syncId, run.syncId(), run.workflowId())).build();
    }

    /** How far a running run has got (rows read of about how many, the current step), for a progress bar. */
    @GET
    @Path("/history/{syncId}/progress")
    public RunProgressView progress(@Auth Caller caller, @PathParam("syncId") String syncId) {
        SyncRecord run = find(caller, syncId);
        return RunProgressView.of(run, progress.find(syncId).orElse(null));
    }

    /** The run's row errors for a spreadsheet; cells that would run as formulas are neutralised. */
    @GET
    @Path("/history/{syncId}/errors.csv")
    @Produces("text/csv")
    @ApiResponse(responseCode = "200", description = "row, column, value, message",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
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

    /** Another customer's run answers exactly like a missing one. */
    private SyncRecord find(Caller caller, String syncId) {
        return history.find(syncId).filter(r -> caller.canSee(r.customerId()))
                .orElseThrow(() -> ApiException.notFound("sync " + syncId + " not found"));
    }
}
