package com.budgetsync.worker;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Heartbeats every {@value #EVERY_SECONDS} s from a timer thread while any activity of this worker runs. A long COPY,
 * SQL statement or download then never looks dead, and a worker that is killed stops heartbeating, so Temporal
 * retries its activity elsewhere within the heartbeat timeout instead of after the start-to-close timeout.
 */
public final class HeartbeatInterceptor extends WorkerInterceptorBase {
    static final int EVERY_SECONDS = 10;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "activity-heartbeats");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInboundCallsInterceptorBase(next) {
            private ActivityExecutionContext context;

            @Override
            public void init(ActivityExecutionContext context) {
                this.context = context;
                super.init(context);
            }

            @Override
            public ActivityOutput execute(ActivityInput input) {
                ScheduledFuture<?> beats = TIMER.scheduleAtFixedRate(this::beat, EVERY_SECONDS, EVERY_SECONDS,
                        TimeUnit.SECONDS);
                try {
                    return super.execute(input);
                } finally {
                    beats.cancel(false);
                }
            }

            private void beat() {
                try {
                    context.heartbeat(null);
                } catch (ActivityCompletionException e) {
                    // Cancelled, timed out or the worker is stopping: the activity's own thread learns it too.
                }
            }
        };
    }
}
