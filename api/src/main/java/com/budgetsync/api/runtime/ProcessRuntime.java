package com.budgetsync.api.runtime;

import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.api.temporal.TemporalConnection;
import com.budgetsync.net.OutboundGuard;
import com.budgetsync.worker.SyncWorker;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import org.jdbi.v3.core.Jdbi;

/**
 * The one way a process wires what runs beside its own work: the outbound guard, the Temporal connection and, where
 * the process runs one, the worker. The API ({@code BudgetSyncApplication.run}) and the commands without the HTTP
 * server ({@code cli/CommandRuntime}) both start here, so this and {@code cli/} are the only API code that knows the
 * worker.
 */
public final class ProcessRuntime {
    private final BudgetSyncConfiguration config;

    public ProcessRuntime(BudgetSyncConfiguration config) {
        this.config = config;
    }

    /**
     * Installs the process-wide guard on which addresses sources and webhooks may reach (and the operator's own hosted
     * SFTP server), and returns it.
     */
    public OutboundGuard installOutboundGuard() {
        OutboundGuard guard = config.getOutbound().guard().withOwnHost(config.getSftp().pollHost());
        OutboundGuard.install(guard);
        return guard;
    }

    /** A client of the Temporal frontend at {@code address}, its SDK metrics in {@code metrics}. */
    public TemporalConnection connect(String address, MetricRegistry metrics) {
        return new TemporalConnection(address, config.getTemporal().namespace(), metrics);
    }

    /** A worker polling the budget-sync task queue; not started yet. */
    public SyncWorker worker(TemporalConnection temporal, Jdbi jdbi) {
        return new SyncWorker(temporal.client(), jdbi, config.workerSettings(), config.sourceSecrets());
    }

    /**
     * A worker inside the API process (dev), started with the server. It drains as soon as the server begins to
     * stop, before Jetty closes its connectors, so the API keeps answering (a run's progress, its outcome) until the
     * runs in flight are recorded.
     */
    public void runWorkerInside(TemporalConnection temporal, Jdbi jdbi, LifecycleEnvironment lifecycle) {
        ManagedWorker worker = new ManagedWorker(worker(temporal, jdbi));
        lifecycle.manage(worker);
        lifecycle.addEventListener(worker);
    }
}
