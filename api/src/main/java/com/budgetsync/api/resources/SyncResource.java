package com.budgetsync.api.resources;

import com.budgetsync.api.core.SyncRunner;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.Page;
import com.budgetsync.api.views.StartedSync;
import com.budgetsync.api.views.SyncView;
import com.budgetsync.api.views.TriggerRequest;
import com.budgetsync.api.views.TriggerResponse;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.TriggeredBy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;

/** Runs now, and the history of runs. */
@Path("/api/sync")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncResource {
    private final ConfigDao configs;
    private final SyncHistoryDao history;
    private final SyncRunner runner;

    public SyncResource(ConfigDao configs, SyncHistoryDao history, SyncRunner runner) {
        this.configs = configs;
        this.history = history;
        this.runner = runner;
    }

    @POST
    @Path("/trigger")
    public Response trigger(@NotNull @Valid TriggerRequest request) {
        List<DataSourceConfig> targets;
        if (request.configId() != null) {
            DataSourceConfig config = configs.find(request.configId())
                    .filter(c -> c.customerId().equals(request.customerId()))
                    .orElseThrow(() -> ApiException.notFound("config " + request.configId() + " of customer "
                            + request.customerId() + " not found"));
            targets = List.of(config);
        } else {
            targets = configs.listByCustomer(request.customerId()).stream()
                    .filter(c -> c.enabled() && c.sourceType() != SourceType.UPLOAD).toList();
            if (targets.isEmpty()) {
                throw ApiException.notFound("customer " + request.customerId() + " has no enabled config to sync");
            }
        }
        boolean force = request.force() != null && request.force();
        List<StartedSync> runs = targets.stream().map(c -> {
            SyncRunner.StartedRun run = runner.start(c, TriggeredBy.API, null, force);
            return new StartedSync(c.id(), run.syncId(), run.workflowId(), run.runId());
        }).toList();
        StartedSync first = runs.get(0);
        return Response.accepted(new TriggerResponse(true, "Sync started", first.syncId(), first.workflowId(), runs))
                .build();
    }

    @GET
    @Path("/history")
    public Page<SyncView> history(@QueryParam("customerId") @NotNull String customerId,
                                  @QueryParam("configId") Long configId,
                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                  @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        List<SyncView> items = history.list(customerId, configId, limit, offset).stream().map(SyncView::summary)
                .toList();
        return new Page<>(items, history.count(customerId, configId), limit, offset);
    }

    @GET
    @Path("/history/{syncId}")
    public SyncView run(@PathParam("syncId") String syncId) {
        return history.find(syncId).map(SyncView::detail)
                .orElseThrow(() -> ApiException.notFound("sync " + syncId + " not found"));
    }
}
