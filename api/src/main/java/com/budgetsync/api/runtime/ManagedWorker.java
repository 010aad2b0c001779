package com.budgetsync.api.runtime;

import com.budgetsync.worker.SyncWorker;
import io.dropwizard.lifecycle.Managed;

/** Runs the worker inside the API process (dev): started with Jetty, stopped gracefully on SIGTERM. */
final class ManagedWorker implements Managed {
    private final SyncWorker worker;

    ManagedWorker(SyncWorker worker) {
        this.worker = worker;
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() throws InterruptedException {
        worker.stop();
    }
}
