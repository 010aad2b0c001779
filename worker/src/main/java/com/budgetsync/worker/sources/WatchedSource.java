package com.budgetsync.worker.sources;

import com.budgetsync.workflow.RemoteFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * A network source under watch: whatever the library does inside (waiting for headers, a listing, a body that stops
 * flowing), a silence longer than {@link SourceLimits#idle} or a use longer than {@link SourceLimits#deadline} trips
 * the watch, which closes the source's connections and interrupts the thread that waits on them. The call then
 * fails with {@link NoAnswerException} naming the cause, and the worker slot is free again. Nothing read after a
 * trip counts: a stream cut short never ends as if the file were complete.
 */
final class WatchedSource implements FileSource {
    private static final long CHECK_EVERY_MS = 200;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "source-watch");
        thread.setDaemon(true);
        return thread;
    });

    private final FileSource inner;
    private final SourceLimits limits;
    private final LongConsumer bytesSoFar;
    private final Thread caller = Thread.currentThread();
    private final long startedNanos = System.nanoTime();
    private final ScheduledFuture<?> check;
    private volatile long lastSignNanos = startedNanos;
    private volatile long bytes;
    private volatile boolean anythingReceived;
    private String tripped;
    private boolean closed;

    /** @param bytesSoFar told the bytes read so far from opened files, e.g. for the activity's heartbeat */
    WatchedSource(FileSource inner, SourceLimits limits, LongConsumer bytesSoFar) {
        this.inner = inner;
        this.limits = limits;
        this.bytesSoFar = bytesSoFar;
        this.check = TIMER.scheduleWithFixedDelay(this::check, CHECK_EVERY_MS, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public List<RemoteFile> list() throws IOException {
        return watched(inner::list);
    }

    @Override
    public InputStream open(RemoteFile file) throws IOException {
        InputStream in = watched(() -> inner.open(file));
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = watched(() -> super.read(buffer, off, len));
                if (n > 0) {
                    bytes += n;
                    bytesSoFar.accept(bytes);
                } else if (n < 0) {
                    failIfTripped(null); // a connection closed by the watch ends the stream early
                }
                return n;
            }
        };
    }

    @Override
    public void afterImport(RemoteFile file) throws IOException {
        watched(() -> {
            inner.afterImport(file);
            return null;
        });
    }

    @Override
    public String where() {
        return inner.where();
    }

    @Override
    public String hostKeyFingerprintSeen() {
        return inner.hostKeyFingerprintSeen();
    }

    /**
     * Ends the source's work now from another thread, e.g. when Temporal has timed the attempt out: the connection
     * is closed, the waiting thread interrupted, and its call fails with {@code why}.
     */
    @Override
    public void abort(String why) {
        synchronized (this) {
            if (tripped != null || closed) {
                return;
            }
            tripped = why;
        }
        caller.interrupt();
        inner.abort(why);
    }

    @Override
    public void close() throws IOException {
        boolean interrupted;
        synchronized (this) {
            closed = true;
            interrupted = tripped != null;
        }
        check.cancel(false);
        if (interrupted) {
            Thread.interrupted(); // the interrupt was ours, for a call that has failed since: not the caller's
        }
        inner.close();
    }

    private void check() {
        long now = System.nanoTime();
        if (now - lastSignNanos > limits.idle().toNanos()) {
            abort(anythingReceived
                    ? where() + " stopped sending: nothing for " + limits.idle().toSeconds() + " s after "
                    + bytes + " bytes"
                    : "no answer from " + where() + " within " + limits.idle().toSeconds() + " s");
        } else if (now - startedNanos > limits.deadline().toNanos()) {
            abort(where() + " did not finish within the " + limits.deadline().toSeconds() + " s deadline"
                    + (bytes > 0 ? " (" + bytes + " bytes read)" : ""));
        }
    }

    private interface Call<T> {
        T call() throws IOException;
    }

    private <T> T watched(Call<T> call) throws IOException {
        failIfTripped(null);
        try {
            T result = call.call();
            lastSignNanos = System.nanoTime();
            anythingReceived = true;
            return result;
        } catch (IOException | RuntimeException e) {
            failIfTripped(e);
            throw e;
        }
    }

    private synchronized void failIfTripped(Exception cause) throws NoAnswerException {
        if (tripped != null) {
            NoAnswerException e = new NoAnswerException(tripped, limits, anythingReceived
                    ? SourceException.Stage.AFTER_LOGIN : SourceException.Stage.CONNECT);
            if (cause != null) {
                e.addSuppressed(cause);
            }
            throw e;
        }
    }

    /** Bytes received inside a call, e.g. by a listing that reads a whole body to hash it. */
    void received(long n) {
        bytes += n;
        bytesSoFar.accept(bytes);
        lastSignNanos = System.nanoTime();
        anythingReceived = true;
    }
}
