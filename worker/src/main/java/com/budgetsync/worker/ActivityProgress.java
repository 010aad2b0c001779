package com.budgetsync.worker;

import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the activity running on this thread has done so far, for its heartbeats ({@link HeartbeatInterceptor}).
 * An activity that reads from a network source reports the bytes read ({@link #bytes}): from then on it heartbeats
 * only while the count grows, so a stalled download stops heartbeating and Temporal times the attempt out. Others
 * (database-bound steps) heartbeat on a timer and may report rows ({@link #rows}) as details. Outside an activity
 * (a test calling an implementation directly) {@link #current()} is a progress nobody reads.
 */
public final class ActivityProgress {
    private static final ThreadLocal<ActivityProgress> CURRENT = new ThreadLocal<>();

    private volatile long bytes;
    private volatile long rows;
    private volatile boolean countsBytes;
    private final CopyOnWriteArrayList<Consumer<String>> onAbandon = new CopyOnWriteArrayList<>();

    ActivityProgress() {
    }

    public static ActivityProgress current() {
        ActivityProgress progress = CURRENT.get();
        return progress != null ? progress : new ActivityProgress();
    }

    static void set(ActivityProgress progress) {
        if (progress == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(progress);
        }
    }

    /** Bytes received from the source so far; the activity now beats only while this grows. */
    public void bytes(long soFar) {
        countsBytes = true;
        bytes = soFar;
    }

    /** Rows read so far, sent with the heartbeats. */
    public void rows(long soFar) {
        rows = soFar;
    }

    /**
     * {@code abort} is called, with the reason, when the attempt is abandoned (timed out or cancelled in Temporal)
     * while the activity still runs: it closes what the thread waits on. The thread is interrupted besides.
     */
    public void onAbandon(Consumer<String> abort) {
        onAbandon.add(abort);
    }

    boolean countsBytes() {
        return countsBytes;
    }

    /** A number that grows with any progress, to tell a stall. */
    long mark() {
        return bytes + rows;
    }

    Map<String, Long> details() {
        return countsBytes ? Map.of("bytes", bytes) : Map.of("rows", rows);
    }

    void abandon(String why) {
        onAbandon.forEach(abort -> abort.accept(why));
    }
}
