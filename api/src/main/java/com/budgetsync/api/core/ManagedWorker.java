package com.budgetsync.api.core;

import com.budgetsync.worker.SyncWorker;
import io.dropwizard.lifecycle.Managed;

/** Runs the worker inside the API process (dev): started with Jetty, stopped gracefully on SIGTERM. */
public final class ManagedWorker implements Managed {
    private final SyncWorker worker;

    public ManagedWorker(SyncWorker worker) {
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
