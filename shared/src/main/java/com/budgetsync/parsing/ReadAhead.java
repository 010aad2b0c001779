package com.budgetsync.parsing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A row stream whose file is parsed on a thread of its own, a few batches ahead of the caller, so that parsing
 * overlaps with what the caller does with each row (the import normalises it) instead of adding to it. Rows arrive
 * on the caller's thread in the file's order; a failure of the reading is thrown there, the very exception, after the
 * rows read before it. At most a few batches are held, so memory stays bounded whatever the file's size.
 * The first batch is read on the caller's thread: a file that fits in it starts no thread at all.
 */
public final class ReadAhead implements RowStream {
    /** Rows handed over at a time: enough that the hand-over costs nothing per row. */
    static final int BATCH_ROWS = 1_024;
    /** Batches read ahead at most: rows of a few KB each (a wide sheet) keep this within tens of MB. */
    private static final int QUEUED_BATCHES = 4;

    private final RowStream source;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private volatile boolean closing;
    private Thread reader;
    private Batch batch;
    private int next;

    /** Takes {@code source} over: closing this closes it, once nothing reads it any more. */
    public ReadAhead(RowStream source) {
        this.source = source;
    }

    /**
     * Rows in the file's order; {@code last}: the reading ended after them, failing with {@code failure} if not null.
     * {@code nulCells} is the source's count after them, taken on the thread that read them.
     */
    private record Batch(List<DataRow> rows, long nulCells, boolean last, Throwable failure) {
    }

    @Override
    public boolean hasNext() {
        // a reading given up on (a cancelled activity) stops here, as it would where the rows are parsed
        if (Thread.currentThread().isInterrupted()) {
            throw new UncheckedIOException(DataRowStream.stopped());
        }
        if (batch == null) {
            batch = read();
            if (!batch.last()) {
                reader = new Thread(this::readAhead, Thread.currentThread().getName() + " read-ahead");
                reader.setDaemon(true);
                reader.start();
            }
        }
        while (next == batch.rows().size()) {
            if (batch.last()) {
                return end();
            }
            batch = take();
            next = 0;
        }
        return true;
    }

    @Override
    public DataRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.rows().get(next++);
    }

    private boolean end() {
        if (batch.failure() instanceof Error e) {
            throw e;
        }
        if (batch.failure() != null) {
            throw (RuntimeException) batch.failure();
        }
        return false;
    }

    /** The next batch from the source: cut short where its rows end or its reading fails. */
    private Batch read() {
        List<DataRow> rows = new ArrayList<>(BATCH_ROWS);
        try {
            while (rows.size() < BATCH_ROWS) {
                if (!source.hasNext()) {
                    return new Batch(rows, source.cellsWithNulsDropped(), true, null);
                }
                rows.add(source.next());
            }
            return new Batch(rows, source.cellsWithNulsDropped(), false, null);
        } catch (RuntimeException | Error e) {
            // handed over like rows: the caller, not this thread, fails with it (and would otherwise wait forever)
            return new Batch(rows, source.cellsWithNulsDropped(), true, e);
        }
    }

    private void readAhead() {
        try {
            Batch read;
            do {
                read = read();
                queue.put(read);
            } while (!read.last() && !closing);
        } catch (InterruptedException e) {
            // closed before the end: nobody takes the rest
        }
    }

    private Batch take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // left set, as where the rows are parsed: the caller is being stopped
            throw new UncheckedIOException(DataRowStream.stopped());
        }
    }

    /**
     * As of the rows read so far: exact once {@link #hasNext()} has returned false (or failed), and before that
     * counted up to the end of the batch the last row came in, which may be a little ahead of the rows handed out.
     */
    @Override
    public long cellsWithNulsDropped() {
        return batch == null ? source.cellsWithNulsDropped() : batch.nulCells();
    }

    /** Stops the reading thread and waits for it to end, then closes the source. */
    @Override
    public void close() throws IOException {
        if (reader != null) {
            stopReading();
        }
        source.close();
    }

    private void stopReading() {
        closing = true;
        reader.interrupt();
        boolean interrupted = false;
        while (reader.isAlive()) {
            queue.clear(); // a reader waiting to hand over a batch goes on, to find that it is closing
            try {
                reader.join(100);
            } catch (InterruptedException e) {
                interrupted = true; // the caller is stopped too; still, the source must not be closed under the reader
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
