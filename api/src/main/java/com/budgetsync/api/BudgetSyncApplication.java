package com.budgetsync.api;

import com.budgetsync.alerts.AlertDeliveries;
import com.budgetsync.api.audit.ConfigAuditStore;
import com.budgetsync.api.auth.ApiKeyStore;
import com.budgetsync.api.auth.BearerTokenFilter;
import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.auth.TokenAuthenticator;
import com.budgetsync.api.auth.VerifiedKeys;
import com.budgetsync.api.bucket.ProvidedBucket;
import com.budgetsync.api.budget.Aliases;
import com.budgetsync.api.budget.BudgetChecker;
import com.budgetsync.api.budget.BudgetSearch;
import com.budgetsync.api.budget.BudgetSummary;
import com.budgetsync.api.budget.CustomerBudgetSettings;
import com.budgetsync.api.budget.FiscalYears;
import com.budgetsync.api.budget.FxRates;
import com.budgetsync.api.budget.Utilization;
import com.budgetsync.api.cli.ApiKeyCommand;
import com.budgetsync.api.cli.BenchCommand;
import com.budgetsync.api.cli.DevCommand;
import com.budgetsync.api.cli.RotateEncryptionKeyCommand;
import com.budgetsync.api.cli.SftpServerCommand;
import com.budgetsync.api.cli.SyncFileCommand;
import com.budgetsync.api.cli.WorkerCommand;
import com.budgetsync.api.core.ChangePreviews;
import com.budgetsync.api.core.ConnectionTests;
import com.budgetsync.api.core.CustomerErasure;
import com.budgetsync.api.core.DropFiles;
import com.budgetsync.api.core.CustomerExport;
import com.budgetsync.api.core.DependencyHealthChecks;
import com.budgetsync.api.core.LiveRuns;
import com.budgetsync.api.core.PreviewRunner;
import com.budgetsync.api.core.Reruns;
import com.budgetsync.api.core.RunRecovery;
import com.budgetsync.api.core.StoredConfigCheck;
import com.budgetsync.api.core.SyncRunner;
import com.budgetsync.api.core.SystemStatus;
import com.budgetsync.api.errors.ErrorMappers;
import com.budgetsync.api.metrics.PrometheusEndpoint;
import com.budgetsync.api.openapi.OpenApiDocument;
import com.budgetsync.api.openapi.OpenApiResource;
import com.budgetsync.api.resources.AlertResource;
import com.budgetsync.api.resources.ApiKeyResource;
import com.budgetsync.api.resources.BucketUploadResource;
import com.budgetsync.api.resources.BudgetCheckResource;
import com.budgetsync.api.resources.BudgetResource;
import com.budgetsync.api.resources.ChangePreviewResource;
import com.budgetsync.api.resources.CustomerResource;
import com.budgetsync.api.resources.FxRateResource;
import com.budgetsync.api.resources.HealthResource;
import com.budgetsync.api.resources.HistoryCsvResource;
import com.budgetsync.api.resources.MappingPreviewResource;
import com.budgetsync.api.resources.SessionResource;
import com.budgetsync.api.resources.SftpAccountResource;
import com.budgetsync.api.resources.SourceStatusResource;
import com.budgetsync.api.resources.SyncConfigResource;
import com.budgetsync.api.resources.SyncResource;
import com.budgetsync.api.resources.UploadResource;
import com.budgetsync.api.review.ReviewResource;
import com.budgetsync.api.runtime.ConfigurationLoader;
import com.budgetsync.api.runtime.ProcessRuntime;
import com.budgetsync.api.schedule.InstallationCron;
import com.budgetsync.api.schedule.ScheduleReconciler;
import com.budgetsync.api.schedule.SyncScheduler;
import com.budgetsync.api.schedule.TemporalCronScheduler;
import com.budgetsync.api.sftp.DropAccounts;
import com.budgetsync.api.sftp.HostedSftpFolders;
import com.budgetsync.api.temporal.TemporalConnection;
import com.budgetsync.config.ConfigValidator;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.crypto.WebhookSecrets;
import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.db.AlertDao;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.CustomerDao;
import com.budgetsync.db.Databases;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.HistorySearch;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.db.RunProgressDao;
import com.budgetsync.db.SourceStatusDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.net.OutboundGuard;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.forms.MultiPartBundle;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.slf4j.LoggerFactory;

/**
 * budget-sync: the REST API, and the commands {@code dev}, {@code sync-file}, {@code worker}, {@code server} and
 * {@code db migrate}, {@code api-key}, {@code rotate-encryption-key}. Start-up reads top to bottom: database,
 * Temporal, worker (if on), authentication, resources, health.
 */
public class BudgetSyncApplication extends Application<BudgetSyncConfiguration> {
    public static void main(String[] args) throws Exception {
        new BudgetSyncApplication().run(args);
    }

    @Override
    public String getName() {
        return "budget-sync";
    }

    @Override
    public void initialize(Bootstrap<BudgetSyncConfiguration> bootstrap) {
        ConfigurationLoader loader = new ConfigurationLoader(ConfigurationLoader.environment());
        bootstrap.setConfigurationSourceProvider(loader.substituting(bootstrap.getConfigurationSourceProvider()));
        bootstrap.setConfigurationFactoryFactory(loader);
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(BudgetSyncConfiguration configuration) {
                return configuration.getDataSourceFactory();
            }

            @Override
            public String getMigrationsFileName() {
                return Databases.CHANGELOG;
            }
        });
        bootstrap.addBundle(new MultiPartBundle());
        // The web console: static files, no server-side state; it calls /api with the user's bearer token.
        bootstrap.addBundle(new AssetsBundle("/console", "/console", "index.html", "console"));
        bootstrap.addCommand(new DevCommand(this));
        bootstrap.addCommand(new SyncFileCommand());
        bootstrap.addCommand(new WorkerCommand());
        bootstrap.addCommand(new ApiKeyCommand());
        bootstrap.addCommand(new RotateEncryptionKeyCommand());
        bootstrap.addCommand(new BenchCommand(this));
        bootstrap.addCommand(new SftpServerCommand());
    }

    @Override
    public void run(BudgetSyncConfiguration config, Environment environment) {
        environment.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                // Money is exact end to end: a JSON number read into an untyped field is a BigDecimal, not a double.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        Jdbi jdbi = new JdbiFactory().build(environment, config.getDataSourceFactory(), "postgresql");
        // No statement uses <attribute> templates; scanning every statement's text for them anyway cost the budget
        // check a tenth of its CPU, and still costs reserve and commit, which run long statements per request.
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
        ProcessRuntime runtime = new ProcessRuntime(config);
        OutboundGuard outbound = runtime.installOutboundGuard();
        SourceSecrets secrets = config.sourceSecrets();

        TemporalConnection temporal = runtime.connect(config.getTemporal().address(), environment.metrics());
        environment.lifecycle().manage(temporal);
        if (config.getWorker().isEnabled()) {
            runtime.runWorkerInside(temporal, jdbi, environment.lifecycle());
        }

        ConfigDao configs = new ConfigDao(jdbi);
        SyncHistoryDao history = new SyncHistoryDao(jdbi);
        FileStore files = new FileStore(jdbi);
        SyncRunner runner = new SyncRunner(temporal.client(), history);
        environment.lifecycle().manage(new RunRecovery(new LiveRuns(jdbi, temporal, Clock.systemUTC()), history,
                configs, files, runner, config.getTemporal().recoverRunsEvery()));

        // Global, not per resource: every /api path, including ones added later, needs a bearer token.
        ApiKeyStore apiKeys = new ApiKeyStore(jdbi);
        VerifiedKeys verifiedKeys = new VerifiedKeys(apiKeys);
        if (config.getAuth().adminToken() == null) {
            LoggerFactory.getLogger(BudgetSyncApplication.class).warn("{} is not set: admin access is off; "
                    + "create customer keys with the api-key command", AuthConfig.ADMIN_TOKEN_ENV);
        }
        environment.jersey().register(new BearerTokenFilter(
                new TokenAuthenticator(config.getAuth().adminToken(), verifiedKeys)));
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(Caller.class));

        environment.jersey().register(new ApiKeyResource(apiKeys, verifiedKeys));
        SyncScheduler scheduler = new TemporalCronScheduler(temporal.client(), config.getTemporal().cronTimeZones(),
                config.getTemporal().completeFailedCronRuns(),
                Clock.systemUTC());
        environment.lifecycle().manage(new ScheduleReconciler(configs, scheduler,
                config.getTemporal().reconcileEvery(), config.getTemporal().reconcileParallelism()));
        if (config.getTemporal().alertChecks()) {
            environment.lifecycle().manage(InstallationCron.alertChecks(temporal.client(),
                    config.getTemporal().reconcileEvery()));
        }
        if (config.getTemporal().retention()) {
            environment.lifecycle().manage(InstallationCron.retention(temporal.client(),
                    config.getTemporal().reconcileEvery()));
        }
        ConfigValidator validator = new ConfigValidator(outbound, config.getAws().settings());
        StoredConfigCheck storedConfigs = new StoredConfigCheck(configs, validator, new WebhookUrls(secrets));
        environment.lifecycle().manage(storedConfigs);
        ConfigAuditStore audit = new ConfigAuditStore(jdbi);
        environment.jersey().register(new SyncConfigResource(configs, scheduler, secrets,
                new ConnectionTests(temporal.client()), audit, validator, storedConfigs,
                new WebhookSecrets(secrets, jdbi)));
        HistorySearch historySearch = new HistorySearch(jdbi);
        Reruns reruns = new Reruns(configs, files, runner);
        environment.jersey().register(new SyncResource(configs, history, historySearch, runner, reruns,
                new NotificationDao(jdbi), new RunProgressDao(jdbi)));
        environment.jersey().register(new ReviewResource(history, configs, files, new CustomerDao(jdbi), reruns,
                audit));
        environment.jersey().register(new ChangePreviewResource(history, configs, files, reruns,
                new ChangePreviews(temporal.client())));
        environment.jersey().register(new HistoryCsvResource(historySearch));
        environment.jersey().register(new AlertResource(new AlertDao(jdbi)));
        environment.jersey().register(new SourceStatusResource(new SourceStatusDao(jdbi)));
        environment.jersey().register(new SessionResource(config.getConsole().temporalWebUrl(),
                config.getTemporal().namespace()));
        environment.jersey().register(new SftpAccountResource(new DropAccounts(jdbi, config.getSftp(), configs, secrets,
                validator, scheduler, audit)));
        ProvidedBucket bucket = ProvidedBucket.of(config.getAws().settings());
        List<DropFiles> drops = new ArrayList<>(List.of(new HostedSftpFolders(Path.of(config.getSftp().root()))));
        if (bucket != null) {
            environment.lifecycle().manage(bucket);
            drops.add(bucket);
        }
        environment.jersey().register(new BucketUploadResource(bucket));
        environment.jersey().register(new UploadResource(configs, files, runner, config.getWorker().maxFileBytes()));
        environment.jersey().register(new BudgetResource(new BudgetSearch(jdbi),
                new CustomerBudgetSettings(jdbi), new BudgetSummary(jdbi)));
        environment.jersey().register(new BudgetCheckResource(new BudgetChecker(jdbi),
                new Utilization(jdbi, alertId -> AlertDeliveries.start(temporal.client(), alertId))));
        environment.jersey().register(new FxRateResource(new FxRates(jdbi)));
        environment.jersey().register(new CustomerResource(new FiscalYears(jdbi), new CustomerBudgetSettings(jdbi),
                new Aliases(jdbi), new CustomerDao(jdbi),
                new CustomerExport(jdbi, configs, new WebhookUrls(secrets), environment.getObjectMapper()),
                new CustomerErasure(jdbi, configs, scheduler, drops), verifiedKeys));
        PreviewRunner previews = new PreviewRunner(config.getPreviews().concurrency(),
                config.getPreviews().timeLimit());
        environment.lifecycle().manage(previews);
        environment.jersey().register(new MappingPreviewResource(configs, new CustomerDao(jdbi),
                config.getWorker().maxFileBytes(), previews));
        SystemStatus status = new SystemStatus(jdbi, temporal, storedConfigs);
        environment.jersey().register(new HealthResource(status));
        environment.jersey().register(new OpenApiResource(
                () -> OpenApiDocument.json(OpenApiDocument.resourcesOf(environment.jersey().getResourceConfig()))));
        ErrorMappers.all().forEach(environment.jersey()::register);

        PrometheusEndpoint.register(environment, jdbi, Clock.systemUTC());
        environment.healthChecks().register("temporal", DependencyHealthChecks.temporal(status));
        environment.healthChecks().register("database", DependencyHealthChecks.database(status));
    }
}
