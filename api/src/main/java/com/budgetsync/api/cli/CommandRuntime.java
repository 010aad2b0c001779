package com.budgetsync.api.cli;

import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.api.runtime.ProcessRuntime;
import com.budgetsync.api.temporal.EmbeddedTemporal;
import com.budgetsync.api.temporal.TemporalConnection;
import com.budgetsync.worker.SyncWorker;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * PostgreSQL, Temporal and a worker for commands that run without the HTTP server (worker, sync-file). Pool, Temporal
 * SDK and run metrics go to the command's {@code metrics} registry.
 */
final class CommandRuntime implements AutoCloseable {
    final Jdbi jdbi;
    final TemporalConnection temporal;
    final SyncWorker worker;
    private final ManagedDataSource dataSource;
    private final EmbeddedTemporal embedded;

    CommandRuntime(BudgetSyncConfiguration config, EmbeddedTemporal embedded, MetricRegistry metrics) {
        this.embedded = embedded;
        ProcessRuntime runtime = new ProcessRuntime(config);
        runtime.installOutboundGuard();
        this.dataSource = config.getDataSourceFactory().build(metrics, "budget-sync");
        this.jdbi = Jdbi.create(dataSource);
        String address = embedded != null ? embedded.address() : config.getTemporal().address();
        this.temporal = runtime.connect(address, metrics);
        this.worker = runtime.worker(temporal, jdbi);
    }

    @Override
    public void close() throws Exception {
        worker.stop();
        temporal.close();
        if (embedded != null) {
            embedded.close();
        }
        dataSource.stop();
    }
}
