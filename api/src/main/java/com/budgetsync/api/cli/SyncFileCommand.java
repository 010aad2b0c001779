package com.budgetsync.api.cli;

import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.api.temporal.EmbeddedTemporal;
import com.budgetsync.api.views.SyncView;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.Json;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
        // stdout carries the result alone (pipe --json into jq): progress, logs and Liquibase's own prints go to
        // stderr, for the rest of the command, since threads still stopping (the embedded Temporal's) log after it
        PrintStream result = System.out;
        System.setOut(System.err);
        SyncView view = sync(bootstrap, namespace, configuration, path);
        if (namespace.getBoolean("json")) {
            result.println(Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(view));
        } else {
            result.print(SyncReport.text(view));
        }
        boolean ok = view.status().equals(SyncStatus.SUCCESS.dbValue()) || view.status().equals(SyncStatus.PARTIAL.dbValue());
        if (!ok) {
            System.err.println("sync " + view.status() + ": " + view.message());
            System.exit(1);
        }
    }

    private static SyncView sync(Bootstrap<BudgetSyncConfiguration> bootstrap, Namespace namespace,
                                 BudgetSyncConfiguration configuration, Path path) throws Exception {
        DatabaseSetup.prepare(configuration.databaseUrl(), System.err);
        EmbeddedTemporal embedded = configuration.getTemporal().isExternal() ? null : EmbeddedTemporal.startOnFreePort();
        try (CommandRuntime runtime = new CommandRuntime(configuration, embedded, bootstrap.getMetricRegistry())) {
            System.err.println("Temporal     " + runtime.temporal.address() + (embedded != null ? " (embedded)" : ""));
            runtime.worker.start();
            DataSourceConfig config = config(runtime, namespace);
            SyncRecord record = FileSync.run(runtime, config, path, namespace.getBoolean("force"));
            return SyncView.detail(record, config.sourceType().dbValue(),
                    new NotificationDao(runtime.jdbi).list(record.syncId()));
        }
    }

    private static DataSourceConfig config(CommandRuntime runtime, Namespace namespace) {
        String customer = namespace.getString("customer");
        ConfigDao configs = new ConfigDao(runtime.jdbi);
        Long configId = namespace.get("config_id");
        return configId == null ? configs.uploadConfigOf(customer) : configs.getOfCustomer(customer, configId);
    }
}
