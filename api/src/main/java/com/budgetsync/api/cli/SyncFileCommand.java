package com.budgetsync.api.cli;

import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.api.temporal.EmbeddedTemporal;
import com.budgetsync.api.views.SyncView;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.Json;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.NotificationDelivery;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code sync-file --customer <id> <path>}: the main job as one command. One real run of the file through the Temporal
 * workflow into PostgreSQL, then the detected mapping and the run's stats. Exit 0 on success or partial, 1 otherwise.
 */
public class SyncFileCommand extends ConfiguredCommand<BudgetSyncConfiguration> {
    public SyncFileCommand() {
        super("sync-file", "Syncs one budget file through the workflow and prints the mapping and the stats");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--customer").required(true).help("customer id the budgets belong to");
        subparser.addArgument("--config-id").type(Long.class).help("config to sync into (default: the customer's upload config)");
        subparser.addArgument("--json").action(Arguments.storeTrue()).help("print the result as JSON");
        subparser.addArgument("--force").action(Arguments.storeTrue()).help("skip the mass-deletion guard once");
        subparser.addArgument("--config").dest("file").help("optional config.yml");
        subparser.addArgument("path").help("the CSV or Excel file");
    }

    @Override
    protected void run(Bootstrap<BudgetSyncConfiguration> bootstrap, Namespace namespace,
                       BudgetSyncConfiguration configuration) throws Exception {
        Path path = Path.of(namespace.getString("path"));
        if (!Files.isRegularFile(path)) {
            System.err.println("no such file: " + path);
            System.exit(1);
        }
        boolean json = namespace.getBoolean("json");
        java.io.PrintStream log = json ? System.err : System.out;
        DatabaseSetup.prepare(configuration.databaseUrl(), log);
        EmbeddedTemporal embedded = configuration.getTemporal().isExternal() ? null : EmbeddedTemporal.startOnFreePort();
        SyncRecord record;
        List<NotificationDelivery> notified;
        try (CommandRuntime runtime = new CommandRuntime(configuration, embedded, bootstrap.getMetricRegistry())) {
            log.println("Temporal     " + runtime.temporal.address() + (embedded != null ? " (embedded)" : ""));
            runtime.worker.start();
            record = sync(runtime, namespace, path);
            notified = new NotificationDao(runtime.jdbi).list(record.syncId());
        }
        SyncView view = SyncView.detail(record, notified);
        if (json) {
            System.out.println(Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(view));
        } else {
            System.out.print(SyncReport.text(view));
        }
        boolean ok = record.status() == SyncStatus.SUCCESS || record.status() == SyncStatus.PARTIAL;
        if (!ok) {
            System.err.println("sync " + record.status().dbValue() + ": " + record.message());
            System.exit(1);
        }
    }

    private static SyncRecord sync(CommandRuntime runtime, Namespace namespace, Path path) throws Exception {
        String customer = namespace.getString("customer");
        ConfigDao configs = new ConfigDao(runtime.jdbi);
        Long configId = namespace.get("config_id");
        DataSourceConfig config = configId == null ? configs.uploadConfigOf(customer)
                : configs.getOfCustomer(customer, configId);
        return FileSync.run(runtime, config, path, namespace.getBoolean("force"));
    }
}
