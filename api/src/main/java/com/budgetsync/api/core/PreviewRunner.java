package com.budgetsync.api.core;

import com.budgetsync.api.errors.ApiException;
import io.dropwizard.lifecycle.Managed;
import jakarta.ws.rs.container.AsyncResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads previewed files on a few threads of its own, so the API's request threads stay free whatever a file does:
 * at most {@code concurrency} files at once (another is answered 503 at once, not queued behind a slow one), each
 * answered within the time limit (then 422, and its reading is interrupted; the reader stops at its next row).
 */
public final class PreviewRunner implements Managed {
    private final ExecutorService pool;
    private final Semaphore slots;
    private final int concurrency;
    private final Duration timeLimit;

    public PreviewRunner(int concurrency, Duration timeLimit) {
        AtomicInteger threads = new AtomicInteger();
        // The slots bound the files read at once; a thread finishing its answer may briefly outlive its slot.
        this.pool = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "preview-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.slots = new Semaphore(concurrency);
        this.concurrency = concurrency;
        this.timeLimit = timeLimit;
    }

    /**
     * Resumes {@code response} with what {@code reading} returns or throws, or with a refusal in words when every
     * preview thread is busy or the file is not read in time; {@code cleanup} runs once the reading has ended.
     */
    public <T> void answer(AsyncResponse response, String filename, Callable<T> reading, Runnable cleanup) {
        AtomicReference<Future<?>> running = new AtomicReference<>();
        response.setTimeout(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        response.setTimeoutHandler(late -> {
            late.resume(new ApiException(422, filename + ": not read within " + timeLimit.toSeconds() + " s, the"
                    + " limit for a preview; a file this slow to read is likely damaged or far larger than a budget"
                    + " table: save it again, or send only the budget sheet"));
            Future<?> future = running.get();
            if (future != null) {
                future.cancel(true);
            }
        });
        if (!slots.tryAcquire()) {
            cleanup.run();
            response.resume(new ApiException(503, "every preview slot (" + concurrency + ") is reading a file; try"
                    + " again in a few seconds"));
            return;
        }
        running.set(pool.submit(() -> {
            Object answer;
            try {
                answer = reading.call();
            } catch (Exception | StackOverflowError e) {
                answer = e;
            } finally {
                cleanup.run();
                // freed before the answer leaves, so a client that waits for it never finds its own slot taken
                slots.release();
            }
            if (answer instanceof Throwable failure) {
                response.resume(failure);
            } else {
                response.resume(answer);
            }
        }));
    }

    @Override
    public void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
