package com.budgetsync.worker;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.ActivityCompletionException;
import io.temporal.client.ActivityWorkerShutdownException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats for every activity of this worker, with its progress ({@link ActivityProgress}) as details, and the
 * end of attempts Temporal has given up on.
 * <ul>
 * <li>Database-bound activities beat every {@value #EVERY_SECONDS} s from a timer thread: a long COPY or SQL
 * statement never looks dead, and a killed worker stops beating, so Temporal retries its activity elsewhere within
 * the heartbeat timeout.</li>
 * <li>An activity that reads from a source beats only while its byte count grows: a download that stalls stops
 * beating and Temporal times the attempt out at its heartbeat timeout, not its start-to-close timeout.</li>
 * <li>An attempt Temporal has timed out or cancelled (no progress for longer than the heartbeat timeout, past its
 * start-to-close timeout, or a heartbeat answered "cancelled / no longer exists") is abandoned here too: what it
 * waits on is closed and its thread interrupted, so it returns and frees its worker slot instead of blocking it
 * for as long as a silent server keeps the connection open.</li>
 * </ul>
 */
public final class HeartbeatInterceptor extends WorkerInterceptorBase {
    static final int EVERY_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatInterceptor.class);
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
                Attempt attempt = new Attempt(context, Thread.currentThread());
                ActivityProgress.set(attempt.progress);
                long every = attempt.tickMillis();
                ScheduledFuture<?> beats = TIMER.scheduleAtFixedRate(attempt::tick, every, every,
                        TimeUnit.MILLISECONDS);
                try {
                    return super.execute(input);
                } finally {
                    beats.cancel(false);
                    attempt.finished();
                    ActivityProgress.set(null);
                }
            }
        };
    }

    /** One attempt of one activity, watched from the timer thread. */
    static final class Attempt {
        private final ActivityExecutionContext context;
        private final Thread thread;
        private final ActivityProgress progress = new ActivityProgress();
        private final Duration heartbeatTimeout;
        private final Duration startToClose;
        private final long startedNanos = System.nanoTime();
        private long lastMark = -1;
        private long lastProgressNanos = startedNanos;
        private boolean over;

        Attempt(ActivityExecutionContext context, Thread thread) {
            this.context = context;
            this.thread = thread;
            ActivityInfo info = context.getInfo();
            this.heartbeatTimeout = info.getHeartbeatTimeout();
            this.startToClose = info.getStartToCloseTimeout();
        }

        /** Often enough to beat two or three times within the heartbeat timeout. */
        long tickMillis() {
            long every = EVERY_SECONDS * 1000L;
            if (!heartbeatTimeout.isZero()) {
                every = Math.min(every, Math.max(200, heartbeatTimeout.toMillis() / 3));
            }
            return every;
        }

        void tick() {
            long now = System.nanoTime();
            if (!startToClose.isZero() && now - startedNanos > startToClose.toNanos()) {
                abandon("it ran longer than its " + startToClose.toSeconds() + " s start-to-close timeout");
                return;
            }
            long mark = progress.mark();
            boolean advanced = mark != lastMark;
            lastMark = mark;
            if (advanced) {
                lastProgressNanos = now;
            }
            if (progress.countsBytes() && !advanced) {
                if (!heartbeatTimeout.isZero() && now - lastProgressNanos > heartbeatTimeout.toNanos()) {
                    abandon("nothing arrived for " + heartbeatTimeout.toSeconds() + " s, its heartbeat timeout");
                }
                return; // no progress, no heartbeat: a stall must look like one to Temporal
            }
            try {
                context.heartbeat(progress.details());
            } catch (ActivityWorkerShutdownException stopping) {
                // the worker drains: running activities may finish within its grace period
            } catch (ActivityCompletionException e) {
                abandon("Temporal has timed it out or cancelled it");
            }
        }

        synchronized void finished() {
            over = true;
            Thread.interrupted(); // an interrupt that came too late for the activity is not the next one's
        }

        private void abandon(String why) {
            synchronized (this) {
                if (over) {
                    return;
                }
            }
            String activity = context.getInfo().getActivityType();
            LOG.warn("abandoning activity {} of workflow {}: {}", activity, context.getInfo().getWorkflowId(), why);
            progress.abandon(activity + " was stopped: " + why);
            synchronized (this) {
                if (!over) { // never interrupt the thread once it has moved on to other work
                    over = true;
                    thread.interrupt();
                }
            }
        }
    }
}
