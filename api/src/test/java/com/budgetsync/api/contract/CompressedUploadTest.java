package com.budgetsync.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.Archives;
import com.budgetsync.testing.SeedExample;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Compressed budget files through the API: uploaded .gz and .zip import, the preview reads them, bombs are refused. */
class CompressedUploadTest {
    private static final byte[] SEED = SeedExample.CSV.getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();

    @Test
    void aGzippedAndAZippedUploadImport() throws Exception {
        assertImports("gz-upload", "budget.csv.gz", Archives.gzip(SEED), "application/gzip");
        assertImports("zip-upload", "budget.zip", Archives.zip("budget.csv", SEED), "application/zip");
        // curl --data-binary @budget.zip without a type: taken by the zip signature
        assertImports("zip-curl", "budget.zip", Archives.zip("budget.csv", SEED), "application/x-www-form-urlencoded");
    }

    @Test
    void thePreviewReadsTheFileInsideAndRefusesABomb() throws Exception {
        RunningApp.Response preview = app.postBytes("/api/mapping/preview?customerId=zip-preview&filename=budget.zip",
                Archives.zip("budget.csv", SEED), "application/zip");
        assertEquals(200, preview.status(), preview.body());
        assertEquals("Department", preview.json().path("mapping").path("department").path("column").asText());

        RunningApp.Response bomb = app.postBytes("/api/mapping/preview?customerId=zip-preview&filename=bomb.zip",
                Archives.zipBomb("budget.csv", 100), "application/zip");
        assertEquals(422, bomb.status(), bomb.body());
        assertTrue(bomb.json().path("error").asText().startsWith("bomb.zip: the archive unpacks to more than 100"
                + " times its own size"), bomb.body());
    }

    private static void assertImports(String customer, String filename, byte[] body, String type) throws Exception {
        RunningApp.Response accepted = app.postBytes("/api/sync/upload?customerId=" + customer + "&filename="
                + filename, body, type);
        assertEquals(202, accepted.status(), accepted.body());
        RunningApp.Response run = new RunningApp.Response(200, app.awaitRun(accepted.json().path("syncId").asText())
                .toString());
        assertEquals("success", run.json().path("status").asText(), run.body());
        assertEquals(4, run.json().path("stats").path("created").asLong(), run.body());
    }
}
