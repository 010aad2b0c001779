package com.budgetsync.api.resources;

import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.ConfigRequest;
import com.budgetsync.api.views.ConfigView;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.Frequency;
import com.budgetsync.domain.SourceType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Create, read, change and delete a customer's source configs. */
@Path("/api/sync/config")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncConfigResource {
    private final ConfigDao configs;
    private final ConfigChanges changes;

    public SyncConfigResource(ConfigDao configs, ConfigChanges changes) {
        this.configs = configs;
        this.changes = changes;
    }

    @POST
    public Response create(@NotNull @Valid ConfigRequest request) {
        SourceType type = SourceType.fromDb(request.sourceType());
        DataSourceConfig created = configs.create(request.customerId(),
                request.name() == null ? type.dbValue() : request.name(), type,
                request.enabled() == null || request.enabled(), Frequency.validate(request.frequency()),
                timezone(request.timezone()), request.sourceConfig() == null ? Map.of() : request.sourceConfig(),
                request.options() == null ? ConfigOptions.DEFAULTS : request.options());
        return Response.status(201).entity(ConfigView.of(changes.created(created))).build();
    }

    @GET
    public List<ConfigView> list(@QueryParam("customerId") @NotNull String customerId) {
        return configs.listByCustomer(customerId).stream().map(ConfigView::of).toList();
    }

    @GET
    @Path("/{id}")
    public ConfigView get(@PathParam("id") long id) {
        return ConfigView.of(find(id));
    }

    @PUT
    @Path("/{id}")
    public ConfigView update(@PathParam("id") long id, @NotNull @Valid ConfigRequest request) {
        DataSourceConfig old = find(id);
        if (!old.customerId().equals(request.customerId())) {
            throw ApiException.badRequest("customerId cannot change (config " + id + " belongs to " + old.customerId() + ")");
        }
        Map<String, Object> source = request.sourceConfig() == null ? old.sourceConfig()
                : ConfigView.keepSecrets(old.sourceConfig(), request.sourceConfig());
        DataSourceConfig updated = configs.update(new DataSourceConfig(id, old.customerId(),
                request.name() == null ? old.name() : request.name(), SourceType.fromDb(request.sourceType()),
                request.enabled() == null ? old.enabled() : request.enabled(),
                request.frequency() == null ? old.frequency() : Frequency.validate(request.frequency()),
                request.timezone() == null ? old.timezone() : timezone(request.timezone()), source,
                request.options() == null ? old.options() : request.options(), old.lastSyncAt(),
                old.lastSyncStatus(), old.nextSyncAt(), old.createdAt(), old.updatedAt()));
        return ConfigView.of(changes.updated(old, updated));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        DataSourceConfig config = find(id);
        changes.deleted(config);
        configs.delete(id);
        return Response.noContent().build();
    }

    private DataSourceConfig find(long id) {
        return configs.find(id).orElseThrow(() -> ApiException.notFound("config " + id + " not found"));
    }

    private static String timezone(String zone) {
        if (zone == null || zone.isBlank()) {
            return "UTC";
        }
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw ApiException.badRequest("timezone '" + zone + "' is not a known time zone (e.g. UTC, Europe/Paris)");
        }
    }
}
