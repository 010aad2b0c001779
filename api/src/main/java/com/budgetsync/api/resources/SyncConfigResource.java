package com.budgetsync.api.resources;

import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.ConfigRequest;
import com.budgetsync.api.views.ConfigView;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.ImportedFileDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.Frequency;
import com.budgetsync.domain.SourceType;
import com.budgetsync.worker.sources.ConnectionReport;
import com.budgetsync.worker.sources.FileSource;
import com.budgetsync.worker.sources.FileSources;
import com.budgetsync.worker.sources.PollSettings;
import com.budgetsync.worker.sources.SourceTester;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Create, read, change, delete and test a customer's source configs. Secrets in {@code sourceConfig} are encrypted
 * before they are stored and shown as "********"; the connection test decrypts them only for its own connection.
 */
@Path("/api/sync/config")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncConfigResource {
    private final ConfigDao configs;
    private final ConfigChanges changes;
    private final SourceSecrets secrets;
    private final ImportedFileDao imported;

    public SyncConfigResource(ConfigDao configs, ConfigChanges changes, SourceSecrets secrets,
                              ImportedFileDao imported) {
        this.configs = configs;
        this.changes = changes;
        this.secrets = secrets;
        this.imported = imported;
    }

    @POST
    public Response create(@NotNull @Valid ConfigRequest request) {
        SourceType type = SourceType.fromDb(request.sourceType());
        DataSourceConfig created = configs.create(request.customerId(),
                request.name() == null ? type.dbValue() : request.name(), type,
                request.enabled() == null || request.enabled(), Frequency.validate(request.frequency()),
                timezone(request.timezone()),
                request.sourceConfig() == null ? Map.of() : secrets.encrypt(request.sourceConfig()),
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
                : secrets.encrypt(SourceSecrets.mergeForUpdate(old.sourceConfig(), request.sourceConfig()));
        DataSourceConfig updated = configs.update(new DataSourceConfig(id, old.customerId(),
                request.name() == null ? old.name() : request.name(), SourceType.fromDb(request.sourceType()),
                request.enabled() == null ? old.enabled() : request.enabled(),
                request.frequency() == null ? old.frequency() : Frequency.validate(request.frequency()),
                request.timezone() == null ? old.timezone() : timezone(request.timezone()), source,
                request.options() == null ? old.options() : request.options(), old.lastSyncAt(),
                old.lastSyncStatus(), old.nextSyncAt(), old.createdAt(), old.updatedAt()));
        return ConfigView.of(changes.updated(old, updated));
    }

    /**
     * Connects with the stored config and answers what it saw (reachable, authenticated, SFTP host key, matching
     * files, the one a sync would take next). Nothing is downloaded, moved or deleted.
     */
    @POST
    @Path("/{id}/test")
    public ConnectionReport test(@PathParam("id") long id) {
        DataSourceConfig config = find(id);
        Map<String, Object> settings = secrets.decrypt(config.sourceConfig());
        try (FileSource source = FileSources.open(config, settings)) {
            if (source == null) {
                throw ApiException.badRequest("config " + id + " is an upload config: there is no source to test");
            }
            return new SourceTester(Clock.systemUTC()).test(source, PollSettings.of(settings), imported.list(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
