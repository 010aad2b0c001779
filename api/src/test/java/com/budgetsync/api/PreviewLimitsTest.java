package com.budgetsync.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.SeedExample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Previews are read off the request threads, one file at a time here, each within one second: a file too slow to
 * read is answered 422 in words when the second is up, a preview sent meanwhile is 503 at once, the rest of the API
 * answers as usual, and the slot is free again once the slow reading has been stopped.
 */
@Timeout(120)
class PreviewLimitsTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass(config -> {
        config.getPreviews().setConcurrency(1);
        config.getPreviews().setTimeLimitSeconds(1);
    });

    @Test
    void aSlowFileCannotHoldTheApi() throws Exception {
        BodySent sent = new BodySent(slowWorkbook());
        CompletableFuture<HttpResponse<String>> slow = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(app.url("/api/mapping/preview?customerId=limits&filename=big.xls")))
                        .header("Authorization", "Bearer " + RunningApp.ADMIN_TOKEN)
                        .header("Content-Type", "application/vnd.ms-excel").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> sent)).build(),
                HttpResponse.BodyHandlers.ofString());
        // small previews only once the big body is on its way to the pool, so that they cannot take its slot first
        while (!sent.allRead && !slow.isDone()) {
            Thread.sleep(20);
        }
        Thread.sleep(300);

        RunningApp.Response busy = null;
        while (!slow.isDone()) {
            RunningApp.Response small = smallPreview();
            if (small.status() == 503) {
                busy = small;
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(busy != null, "no preview was refused while the slow one was read: "
                + (slow.isDone() ? slow.get().statusCode() + " " + slow.get().body() : ""));
        assertTrue(busy.json().path("error").asText().startsWith("every preview slot (1) is reading a file"),
                busy.body());
        long start = System.nanoTime();
        assertEquals(200, app.get("/api/session").status());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1_000, "the API waited for the preview");

        HttpResponse<String> answer = slow.get();
        assertEquals(422, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("big.xls: not read within 1 s, the limit for a preview"), answer.body());

        Instant deadline = Instant.now().plusSeconds(20);
        RunningApp.Response after = smallPreview();
        while (after.status() == 503 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            after = smallPreview();
        }
        assertEquals(200, after.status(), "the slot stayed taken after the time limit: " + after.body());
    }

    /** The request body, telling when its last byte has been handed to the client. */
    private static final class BodySent extends ByteArrayInputStream {
        private volatile boolean allRead;

        BodySent(byte[] body) {
            super(body);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            allRead = n < 0 || available() == 0;
            return n;
        }
    }

    private static RunningApp.Response smallPreview() throws Exception {
        return app.postBytes("/api/mapping/preview?customerId=limits&filename=seed.csv",
                SeedExample.CSV.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    /**
     * Two full .xls sheets (65,535 rows of ten numbers each): the legacy format is loaded whole before a row can be
     * read, seconds of work, far past the one-second limit, and not a budget table a person would send.
     */
    private static byte[] slowWorkbook() throws java.io.IOException {
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String name : List.of("Budget", "Detail")) {
                Sheet sheet = book.createSheet(name);
                for (int r = 0; r < 65_535; r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < 10; c++) {
                        row.createCell(c).setCellValue(r * 10.0 + c);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
