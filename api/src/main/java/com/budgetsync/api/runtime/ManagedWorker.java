package com.budgetsync.api.runtime;

import com.budgetsync.worker.SyncWorker;
import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Runs the worker inside the API process (dev): started with Jetty, drained on SIGTERM. The drain starts when the
 * server begins to stop ({@link #lifeCycleStopping}), while its connectors still answer, not when Jetty stops its
 * managed objects after closing them; {@link #stop} is then a no-op.
 */
final class ManagedWorker implements Managed, LifeCycle.Listener {
    private final SyncWorker worker;
    private final AtomicBoolean drained = new AtomicBoolean();

    ManagedWorker(SyncWorker worker) {
        this.worker = worker;
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void lifeCycleStopping(LifeCycle server) {
        try {
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() throws InterruptedException {
        drain();
    }

    private void drain() throws InterruptedException {
        if (drained.compareAndSet(false, true)) {
            worker.stop();
        }
    }
}
