package com.budgetsync.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A reading thread that is not stopped, or a failure it keeps to itself, hangs the caller: hence the time limit. */
@Timeout(60)
class ReadAheadTest {
    private static final int MANY = ReadAhead.BATCH_ROWS * 10 + 7;

    @Test
    void rowsArriveInTheFilesOrderAllOfThemWithTheNulCellsCounted() throws IOException {
        FileContent file = csv(MANY, -1);
        TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
        Read direct = readAll(TableReader.open(file, layout));

        Read ahead = readAll(new ReadAhead(TableReader.open(file, layout)));

        assertEquals(MANY, ahead.rows().size());
        assertEquals(direct.rows(), ahead.rows());
        assertEquals(MANY / 1_000, ahead.nulCells(), "a NUL every thousandth row, most past the first batch");
        assertEquals(direct.nulCells(), ahead.nulCells());
    }

    @Test
    void aFailureMidwayIsThrownAfterTheRowsBeforeItWithTheReadersOwnMessage() throws IOException {
        FileContent file = csv(MANY, 3_000);
        TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
        Read direct = readAll(TableReader.open(file, layout));

        Read ahead = readAll(new ReadAhead(TableReader.open(file, layout)));

        assertTrue(direct.failure().getMessage().contains("line: 3,001"), direct.failure().getMessage());
        assertEquals(direct.rows(), ahead.rows());
        assertEquals(2_999, ahead.rows().size());
        assertEquals(direct.failure().getClass(), ahead.failure().getClass());
        assertEquals(direct.failure().getMessage(), ahead.failure().getMessage());
    }

    @Test
    void aCallerThatStopsEarlyClosesTheFileAndLeavesNoReadingThread() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        byte[] bytes = csvText(MANY, -1);
        FileContent file = FileContent.of("budget.csv", () -> new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public void close() throws IOException {
                closed.set(true);
                super.close();
            }
        });
        RowStream rows = new ReadAhead(TableReader.open(file, TableReader.detect(file, ReadOptions.DEFAULT)));
        for (int i = 0; i < 10; i++) {
            rows.next();
        }
        assertTrue(readingThreadAlive(), "the rest of the file is read ahead meanwhile");

        rows.close();

        assertTrue(closed.get(), "the file is closed");
        assertFalse(readingThreadAlive());
    }

    /** A cancelled import fails as it did when its own thread parsed the file: tried again, not blamed on the file. */
    @Test
    void anInterruptedCallerStopsWithTheStoppedReadingErrorAndLeavesNoReadingThread() throws IOException {
        FileContent file = csv(MANY, -1);
        RowStream rows = new ReadAhead(TableReader.open(file, TableReader.detect(file, ReadOptions.DEFAULT)));
        rows.next();
        Thread.currentThread().interrupt();

        assertStoppedByInterrupt(rows);
    }

    /** The file's chunks come from the database: a worker stopping while they are slow to come is not held up. */
    @Test
    void aCallerInterruptedWhileTheFileStallsStopsAndClosesIt() throws Exception {
        byte[] bytes = csvText(MANY, -1);
        TableLayout layout = TableReader.detect(FileContent.of("budget.csv", bytes), ReadOptions.DEFAULT);
        AtomicBoolean closed = new AtomicBoolean();
        FileContent stalling = FileContent.of("budget.csv", () -> new FilterInputStream(
                new ByteArrayInputStream(bytes, 0, bytes.length / 2)) {
            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    return n;
                }
                try {
                    Thread.sleep(Long.MAX_VALUE); // the second half never comes
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("the read was stopped");
                }
                return -1;
            }

            @Override
            public void close() throws IOException {
                closed.set(true);
                super.close();
            }
        });
        RowStream rows = new ReadAhead(TableReader.open(stalling, layout));
        Thread caller = Thread.currentThread();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        canceller.start();

        assertStoppedByInterrupt(rows);

        assertTrue(closed.get(), "the file is closed");
        canceller.join();
    }

    /** Reads until stopped: with the error a stopped reading has, the interrupt left set and no reading thread left. */
    private static void assertStoppedByInterrupt(RowStream rows) throws IOException {
        boolean stillInterrupted;
        try {
            UncheckedIOException stopped = assertThrows(UncheckedIOException.class, () -> {
                while (rows.hasNext()) {
                    rows.next();
                }
            });
            assertInstanceOf(InterruptedIOException.class, stopped.getCause());
            assertEquals("reading the rows was stopped", stopped.getCause().getMessage());
            rows.close();
        } finally {
            stillInterrupted = Thread.interrupted();
        }
        assertTrue(stillInterrupted, "the caller's interrupt is left for what runs after the reading");
        assertFalse(readingThreadAlive());
    }

    @Test
    void aFileWithinOneBatchIsReadWithoutAThread() throws IOException {
        FileContent file = csv(10, -1);
        try (RowStream rows = new ReadAhead(TableReader.open(file, TableReader.detect(file, ReadOptions.DEFAULT)))) {
            assertTrue(rows.hasNext());
            assertFalse(readingThreadAlive());
        }
    }

    private record Read(List<DataRow> rows, long nulCells, RuntimeException failure) {
    }

    /** Every row until the end or a failure, and the NUL count read after them. */
    private static Read readAll(RowStream stream) throws IOException {
        List<DataRow> rows = new ArrayList<>();
        try (stream) {
            while (stream.hasNext()) {
                rows.add(stream.next());
            }
            return new Read(rows, stream.cellsWithNulsDropped(), null);
        } catch (RuntimeException e) {
            return new Read(rows, -1, e);
        }
    }

    private static boolean readingThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().endsWith(" read-ahead"));
    }

    private static FileContent csv(int rows, int badRow) {
        return FileContent.of("budget.csv", csvText(rows, badRow));
    }

    /**
     * {@code rows} budget rows; every thousandth has a NUL in its department, and data row {@code badRow} a quote
     * closed before more text (-1: none).
     */
    private static byte[] csvText(int rows, int badRow) {
        StringBuilder csv = new StringBuilder("Department,Sub Category,Fiscal Period,Amount,Currency\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("Dept ").append(i).append(i % 1_000 == 0 ? "\0" : "")
                    .append(i == badRow ? ",\"Travel\"x," : ",Travel,")
                    .append("2025-").append(String.format("%02d", i % 12 + 1)).append(',').append(i)
                    .append(".50,USD\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
