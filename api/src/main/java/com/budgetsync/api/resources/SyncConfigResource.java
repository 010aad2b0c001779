package com.budgetsync.api.resources;

import com.budgetsync.api.audit.ConfigAuditStore;
import com.budgetsync.api.audit.ConfigDiff;
import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.core.ConnectionTests;
import com.budgetsync.api.core.StoredConfigCheck;
import com.budgetsync.api.errors.ApiError;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.schedule.SyncScheduler;
import com.budgetsync.api.views.AuditTrail;
import com.budgetsync.api.views.ConfigList;
import com.budgetsync.api.views.ConfigRequest;
import com.budgetsync.api.views.ConfigSaved;
import com.budgetsync.api.views.ConfigView;
import com.budgetsync.api.views.Ids;
import com.budgetsync.api.views.WebhookSecretIssued;
import com.budgetsync.config.ConfigDraft;
import com.budgetsync.config.ConfigValidator;
import com.budgetsync.config.ConfigViolation;
import com.budgetsync.config.OptionsJson;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.crypto.WebhookSecrets;
import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.Frequency;
import com.budgetsync.domain.SourceType;
import com.budgetsync.workflow.ConnectionReport;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Create, read, change, delete and test a customer's source configs; every change goes to the audit trail. Secrets in
 * {@code sourceConfig} are encrypted before they are stored and shown as "********"; the connection test decrypts
 * them only for its own connection. Each config has a webhook signing secret, issued by budget-sync and shown only in
 * the answer that issued it.
 */
@Path("/api/sync/config")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncConfigResource {
    private static final Logger LOG = LoggerFactory.getLogger(SyncConfigResource.class);

    private final ConfigDao configs;
    private final SyncScheduler scheduler;
    private final SourceSecrets secrets;
    private final WebhookUrls webhookUrls;
    private final WebhookSecrets signingSecrets;
    private final ConnectionTests connectionTests;
    private final ConfigAuditStore audit;
    private final ConfigValidator validator;
    private final StoredConfigCheck storedConfigs;

    public SyncConfigResource(ConfigDao configs, SyncScheduler scheduler, SourceSecrets secrets,
                              ConnectionTests connectionTests, ConfigAuditStore audit, ConfigValidator validator,
                              StoredConfigCheck storedConfigs, WebhookSecrets signingSecrets) {
        this.configs = configs;
        this.scheduler = scheduler;
        this.secrets = secrets;
        this.webhookUrls = new WebhookUrls(secrets);
        this.connectionTests = connectionTests;
        this.audit = audit;
        this.validator = validator;
        this.storedConfigs = storedConfigs;
        this.signingSecrets = signingSecrets;
    }

    @POST
    @ApiResponse(responseCode = "201", description = "created; its schedule starts at once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConfigSaved.class)))
    public Response create(@Auth Caller caller, @NotNull @Valid ConfigRequest request) {
        caller.checkCustomer(request.customerId());
        Map<String, Object> source = request.sourceConfig() == null ? Map.of() : request.sourceConfig();
        check(new ConfigDraft(request.customerId(), request.sourceType(), request.frequency(), request.timezone(),
                source, request.options(), Set.of()));
        SourceType type = SourceType.fromDb(request.sourceType());
        checkMayConfigure(caller, type);
        ConfigOptions options = webhookUrls.seal(OptionsJson.read(request.options()), null);
        DataSourceConfig created = configs.create(request.customerId(),
                request.name() == null ? type.dbValue() : request.name(), type,
                request.enabled() == null || request.enabled(), Frequency.canonical(request.frequency()),
                timezone(request.timezone()), secrets.encrypt(source), options);
        String webhookSecret = signingSecrets.issue(created.id());
        audit.record(created.id(), created.customerId(), caller.getName(), "create", ConfigDiff.between(null, created));
        schedule(created);
        return Response.status(201).entity(ConfigSaved.created(view(created), webhookSecret)).build();
    }

    @GET
    public ConfigList list(@Auth Caller caller, @QueryParam("customerId") @NotNull
                           @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE) String customerId) {
        return ConfigList.of(customerId,
                configs.listByCustomer(caller.checkCustomer(customerId)).stream().map(this::view).toList());
    }

    @GET
    @Path("/{id}")
    public ConfigView get(@Auth Caller caller, @PathParam("id") long id) {
        return view(find(caller, id));
    }

    /** Oldest first; still answers after the config is deleted. */
    @GET
    @Path("/{id}/audit")
    public AuditTrail audit(@Auth Caller caller, @PathParam("id") long id) {
        List<ConfigAuditStore.Entry> entries = audit.list(id);
        if (entries.isEmpty() || !caller.canSee(entries.get(0).customerId())) {
            throw ApiException.notFound("no audit trail for config " + id);
        }
        return AuditTrail.of(id, entries);
    }

    @PUT
    @Path("/{id}")
    public ConfigSaved update(@Auth Caller caller, @PathParam("id") long id, @NotNull @Valid ConfigRequest request) {
        DataSourceConfig old = find(caller, id);
        if (!old.customerId().equals(request.customerId())) {
            throw ApiException.badRequest("customerId cannot change (config " + id + " belongs to " + old.customerId() + ")");
        }
        checkMayConfigure(caller, old.sourceType());
        Map<String, Object> source = request.sourceConfig() == null ? old.sourceConfig()
                : SourceSecrets.mergeForUpdate(old.sourceConfig(), request.sourceConfig());
        ConfigOptions shown = webhookUrls.masked(old.options());
        check(new ConfigDraft(old.customerId(), request.sourceType(),
                request.frequency() == null ? old.frequency() : request.frequency(),
                request.timezone() == null ? old.timezone() : request.timezone(), source,
                request.options() == null ? OptionsJson.asMap(shown) : request.options(),
                Set.copyOf(shown.notifyWebhooksOrEmpty())));
        checkMayConfigure(caller, SourceType.fromDb(request.sourceType()));
        ConfigOptions options = request.options() == null ? old.options()
                : webhookUrls.seal(OptionsJson.read(request.options()), old.options());
        DataSourceConfig updated = configs.update(new DataSourceConfig(id, old.customerId(),
                request.name() == null ? old.name() : request.name(), SourceType.fromDb(request.sourceType()),
                request.enabled() == null ? old.enabled() : request.enabled(),
                request.frequency() == null ? old.frequency() : Frequency.canonical(request.frequency()),
                request.timezone() == null ? old.timezone() : timezone(request.timezone()),
                request.sourceConfig() == null ? old.sourceConfig() : secrets.encrypt(source),
                options, old.lastSyncAt(),
                old.lastSyncStatus(), old.nextSyncAt(), old.createdAt(), old.updatedAt()));
        // configs created before webhooks were signed get their secret on their first save since
        String webhookSecret = signingSecrets.has(id) ? null : signingSecrets.issue(id);
        audit.record(id, old.customerId(), caller.getName(), "update", ConfigDiff.between(old, updated));
        storedConfigs.resolved(id);
        schedule(updated);
        return ConfigSaved.updated(view(updated), webhookSecret);
    }

    /** A new webhook signing secret, shown in this answer only; webhooks are signed with it from now on. */
    @POST
    @Path("/{id}/webhook-secret")
    @ApiResponse(responseCode = "200", description = "the new secret; the previous one no longer signs",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookSecretIssued.class)))
    public WebhookSecretIssued rotateWebhookSecret(@Auth Caller caller, @PathParam("id") long id) {
        DataSourceConfig config = find(caller, id);
        // recorded first: a rotation that happened is never missing from the trail
        audit.record(id, config.customerId(), caller.getName(), "rotate-webhook-secret",
                Map.of("webhookSecret", "changed"));
        return WebhookSecretIssued.of(id, signingSecrets.issue(id));
    }

    /**
     * A worker connects with the stored config and the API answers what it saw (reachable, authenticated, SFTP host key, matching
     * files, the one a sync would take next). Nothing is downloaded, moved or deleted.
     */
    @POST
    @Path("/{id}/test")
    @ApiResponse(responseCode = "200", description = "what the worker saw",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectionReport.class)))
    @ApiResponse(responseCode = "504", description = "no worker answered within 60 s",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    public ConnectionReport test(@Auth Caller caller, @PathParam("id") long id) {
        DataSourceConfig config = find(caller, id);
        if (config.sourceType() == SourceType.UPLOAD) {
            throw ApiException.badRequest("config " + id + " is an upload config: there is no source to test");
        }
        return connectionTests.test(config);
    }

    @DELETE
    @Path("/{id}")
    @ApiResponse(responseCode = "204", description = "deleted; its schedule stops")
    public Response delete(@Auth Caller caller, @PathParam("id") long id) {
        DataSourceConfig config = find(caller, id);
        try {
            scheduler.remove(config);
        } catch (RuntimeException e) {
            LOG.warn("schedule of deleted config {} not stopped yet; the reconciler will: {}", id, e.getMessage());
        }
        configs.delete(id);
        storedConfigs.resolved(id);
        audit.record(id, config.customerId(), caller.getName(), "delete", ConfigDiff.between(config, null));
        return Response.noContent().build();
    }

    /**
     * The config is saved whatever Temporal says: if it cannot be reached now, the reconciler applies the schedule
     * within minutes, so a change never fails half-done.
     */
    private void schedule(DataSourceConfig config) {
        try {
            scheduler.apply(config);
        } catch (RuntimeException e) {
            LOG.warn("schedule of config {} not applied yet; the reconciler will: {}", config.id(), e.getMessage());
        }
    }

    private ConfigView view(DataSourceConfig config) {
        return ConfigView.of(config, webhookUrls.masked(config.options()), scheduler.nextRun(config).orElse(null));
    }

    /** Another customer's config answers exactly like a missing one. */
    private DataSourceConfig find(Caller caller, long id) {
        return configs.find(id).filter(c -> caller.canSee(c.customerId()))
                .orElseThrow(() -> ApiException.notFound("config " + id + " not found"));
    }

    /**
     * A local folder is on budget-sync's own disk: a customer able to point a config at one could read the server's
     * files through row errors. Only the operator (admin token) sets such configs up.
     */
    private static void checkMayConfigure(Caller caller, SourceType type) {
        if (type == SourceType.LOCAL && !caller.isAdmin()) {
            throw new ApiException(403, "sourceType local reads budget-sync's own disk: only the admin token may "
                    + "create or change such configs");
        }
    }

    /** Checked by the validator: only the default is left to apply. */
    private static String timezone(String zone) {
        return zone == null || zone.isBlank() ? "UTC" : ZoneId.of(zone).getId();
    }

    /** 400 listing every violation at once ({@code details}: field, value, allowed, message). */
    private void check(ConfigDraft draft) {
        List<ConfigViolation> violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw new ApiException(400, "invalid config: " + violations.stream().map(ConfigViolation::message)
                    .collect(Collectors.joining("; ")), violations);
        }
    }
}
