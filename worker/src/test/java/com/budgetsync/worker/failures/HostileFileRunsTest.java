package com.budgetsync.worker.failures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.settings.WorkerSettings;
import com.budgetsync.testing.Archives;
import com.budgetsync.testing.SeedExample;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.testing.SourceSyncEnvironment;
import com.budgetsync.workflow.SyncResult;
import io.temporal.api.history.v1.HistoryEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged and mislabelled files through a whole run on the real worker (its interceptors included): each ends with
 * an answer in words, never library or SQL text, and a file that cannot be read is not read again by retries.
 */
@Timeout(180)
class HostileFileRunsTest {
    /** What must never reach a person: class and package names, SQL errors, stack frames, temporary paths. */
    private static final Pattern LEAK = Pattern.compile(
            "\\b(java|javax|org|com|net|sun|jdk)\\.[a-z]+|Exception|ERROR:|SQL|jsonb|\\bat [a-z]|/tmp/|0x[0-9A-F]{2}");
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    @RegisterExtension
    static final SourceSyncEnvironment syncs = SourceSyncEnvironment.realWorker(db, WorkerSettings.DEFAULT);

    static Stream<Arguments> files() throws IOException {
        byte[] xlsx = workbook(new XSSFWorkbook());
        byte[] xls = workbook(new HSSFWorkbook());
        byte[] noise = new byte[4096];
        new Random(16).nextBytes(noise);
        return Stream.of(
                Arguments.of("cut-short.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2),
                        "cut-short.xlsx: not a readable .xlsx workbook: it is damaged or cut short"),
                Arguments.of("cut-short.xls", Arrays.copyOf(xls, xls.length / 2), null),
                Arguments.of("header-only.xls", Arrays.copyOf(xls, 11),
                        "header-only.xls: not a readable .xls workbook: it is damaged or cut short"),
                // read by what they hold, not by their names
                Arguments.of("old-format.xlsx", xls, null),
                Arguments.of("new-format.xls", xlsx, null),
                Arguments.of("noise.xlsx", noise, null),
                Arguments.of("noise.xls", noise, null),
                Arguments.of("noise.csv", noise, null),
                Arguments.of("nul.csv", SeedExample.CSV.replace("Engineering", "Engi\u0000neering")
                        .getBytes(StandardCharsets.UTF_8), null),
                Arguments.of("quotes.csv", ("Department,Sub Category,Fiscal Period,Budget Amount,Currency\n"
                        + "Engineering,\"Software\"x,FY2026-Q1,1000,USD\n\"Sales,Travel,FY2026-Q1,5,USD\n")
                        .getBytes(StandardCharsets.UTF_8), null),
                Arguments.of("empty.csv", new byte[0], "empty.csv: the file is empty"),
                Arguments.of("header-only.csv", "Department,Sub Category,Fiscal Period,Budget Amount,Currency\n"
                        .getBytes(StandardCharsets.UTF_8), "header-only.csv: the file has a header row but no rows"),
                // not spreadsheets at all: refused as what they are, not sent to mapping review
                Arguments.of("statement.csv", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                        .getBytes(StandardCharsets.UTF_8), "statement.csv: this is a PDF document, not a spreadsheet"),
                Arguments.of("export.csv", "<!DOCTYPE html>\n<html><body><form>Sign in</form></body></html>\n"
                        .getBytes(StandardCharsets.UTF_8), "export.csv: this is a web page (HTML)"),
                Arguments.of("photo.xlsx", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10},
                        "photo.xlsx: this is an image (JPEG), not a spreadsheet"),
                // compressed drops are unpacked as a stream under limits: hostile ones stop early, in words
                Arguments.of("bomb.zip", Archives.zipBomb("budget.csv", 200),
                        "bomb.zip: the archive unpacks to more than 100 times its own size"),
                Arguments.of("parts.zip", Archives.manyEntries(10_000),
                        "parts.zip: the archive holds more than 1,000 files"),
                Arguments.of("nested.zip", Archives.zip("inner.zip", Archives.zip("budget.csv", SeedExample.CSV
                        .getBytes(StandardCharsets.UTF_8))), "nested.zip/inner.zip: this is a zip archive"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void endsInWordsAndIsNotRetried(String filename, byte[] content, String expectedStart) throws IOException {
        SyncRecord run = run(filename, content);
        String workflowId = run.workflowId();
        assertFalse(run.status() == SyncStatus.RUNNING, "still running");
        if (run.status() == SyncStatus.FAILED || run.status() == SyncStatus.NEEDS_REVIEW) {
            String message = String.valueOf(run.message());
            assertFalse(message.isBlank() || message.equals("null"), "no message");
            assertFalse(LEAK.matcher(message).find(), message);
            if (expectedStart != null) {
                assertEquals(SyncStatus.FAILED, run.status(), message);
                assertTrue(message.startsWith(expectedStart), message);
            }
        } else {
            assertTrue(expectedStart == null, "expected a refusal, got " + run.status());
            assertFalse(filename.startsWith("cut-short"), "a workbook cut in half imported");
        }
        long retried = syncs.client().fetchHistory(workflowId).getEvents().stream()
                .filter(HistoryEvent::hasActivityTaskStartedEventAttributes)
                .filter(e -> e.getActivityTaskStartedEventAttributes().getAttempt() > 1).count();
        assertEquals(0, retried, "a file that cannot be read was read again");
    }

    /** NULs would break the database write (text and jsonb refuse them): dropped from the cells, and said so. */
    @Test
    void nulCharactersAreDroppedAndReported() throws IOException {
        SyncRecord run = run("nul.csv", SeedExample.CSV.replace("Engineering,Software",
                "Engi\u0000neering,Soft\u0000\u0000ware").getBytes(StandardCharsets.UTF_8));
        assertEquals(SyncStatus.SUCCESS, run.status(), run.message());
        assertTrue(run.warnings().contains("2 cells held NUL characters (zero bytes), which were dropped from the text"),
                String.valueOf(run.warnings()));
        assertEquals(1L, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM budget WHERE customer_id = :c"
                + " AND department = 'Engineering' AND sub_category = 'Software'")
                .bind("c", run.customerId()).mapTo(Long.class).one()));
    }

    /** An amount beyond numeric(19,4) used to fail the whole run with a database error; now it is its row's error. */
    @Test
    void malformedAndOverflowingAmountsAreRowErrorsOfAPartialRun() throws IOException {
        ConfigOptions halfMayFail = new ConfigOptions(null, null, null, null, 0.5, null, null, null, null, null, null);
        SyncRecord run = run("amounts.csv", (SeedExample.CSV
                + "Support,Tools,FY 2025,99999999999999999999,USD\nSupport,Travel,FY 2025,1.2.3,USD\n")
                .getBytes(StandardCharsets.UTF_8), halfMayFail);
        assertEquals(SyncStatus.PARTIAL, run.status(), run.message());
        assertEquals(List.of(6, 7), run.errors().stream().map(e -> (int) e.row()).toList());
        assertEquals(4L, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM budget WHERE"
                + " customer_id = :c").bind("c", run.customerId()).mapTo(Long.class).one()));
    }

    private static SyncRecord run(String filename, byte[] content) throws IOException {
        return run(filename, content, ConfigOptions.DEFAULTS);
    }

    /** The file uploaded to a config of its own and run as the upload endpoint runs it, as its history row says. */
    private static SyncRecord run(String filename, byte[] content, ConfigOptions options) throws IOException {
        SyncResult result = syncs.syncUpload(syncs.upload("hostile-" + UUID.randomUUID(), filename, content, options));
        return new SyncHistoryDao(db.jdbi()).find(result.syncId()).orElseThrow();
    }

    private static byte[] workbook(Workbook book) throws IOException {
        try (book) {
            Sheet sheet = book.createSheet("Budgets");
            String[] header = {"Department", "Sub Category", "Fiscal Period", "Budget Amount", "Currency"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            for (int r = 1; r <= 200; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("Department " + r);
                row.createCell(1).setCellValue("Software");
                row.createCell(2).setCellValue("FY2026-Q1");
                row.createCell(3).setCellValue(1234.5 * r % 9973);
                row.createCell(4).setCellValue("USD");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }
}
