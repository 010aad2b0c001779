package com.budgetsync.api.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Signing in, the runs list and a run's page, in Chromium. */
class ConsoleRunsTest {
    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();

    @TempDir
    Path folder;

    @Test
    void aCustomerKeySeesOnlyItsOwnCustomer() throws Exception {
        ConsoleData data = new ConsoleData(browser.app());
        data.upload("initech", "initech-budget.csv", ConsoleData.BUDGET_CSV);
        String otherRun = data.upload("umbrella", "umbrella-budget.csv", ConsoleData.BUDGET_CSV);

        browser.open("");
        browser.waitFor(By.id("token"));
        browser.screenshot("sign-in");
        browser.signIn(data.newKey("initech"), "#/runs");

        assertEquals("Customer: initech", browser.waitFor(By.id("signed-in-customer")).getText());
        WebElement runs = browser.waitForText(By.id("runs"), "initech-budget.csv");
        assertFalse(runs.getText().contains("umbrella"), runs.getText());
        assertTrue(browser.driver().findElements(By.id("customer")).isEmpty(), "a key cannot switch customers");
        assertFalse(browser.driver().getCurrentUrl().contains("bsk_"), "the key never goes into the URL");

        browser.open("#/runs/" + otherRun);
        assertEquals("sync " + otherRun + " not found", browser.waitFor(By.id("run-error")).getText(),
                "another customer's run is answered as missing, beside where it would show");
    }

    @Test
    void aFailedRunIsRetriedFromItsPageOnceTheSourceIsFixed() throws Exception {
        RunningApp app = browser.app();
        Path drop = folder.resolve("exports");
        JsonNode config = app.postJson("/api/sync/config", Map.of("customerId", "hooli", "name", "Finance share",
                "sourceType", "local", "frequency", "manual", "sourceConfig", Map.of("directory", drop.toString())))
                .json();
        String failed = app.postJson("/api/sync/trigger", Map.of("customerId", "hooli",
                "configId", config.path("id").asLong())).json().path("syncId").asText();
        assertEquals("failed", app.awaitRun(failed).path("status").asText());

        browser.signInAsAdmin("hooli", "#/runs?status=failed");
        browser.waitFor(By.cssSelector("#runs tbody a")).click();
        browser.waitForText(By.id("run-message"), "directory not found");
        Files.createDirectories(drop);
        Path export = Files.writeString(drop.resolve("hooli-budget.csv"), ConsoleData.BUDGET_CSV);
        // finished writing a while ago: past the source's settle time
        Files.setLastModifiedTime(export, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
        browser.waitFor(By.id("retry")).click();

        browser.waitForText(By.id("run-status"), "success");
        assertTrue(browser.driver().getCurrentUrl().endsWith("#/runs/" + ConsoleData.latestRun(app, "hooli")),
                "the page moved to the new run");
        assertEquals("3", browser.driver().findElement(By.cssSelector("#run-stats tbody td")).getText(),
                "rows read");
    }

    @Test
    void aRunHeldByTheDeletionGuardShowsWhatItWouldChangeAndIsApproved() throws Exception {
        ConsoleData data = new ConsoleData(browser.app());
        data.upload("cyberdyne", "full.csv", ConsoleData.BUDGET_CSV);
        String held = data.upload("cyberdyne", "engineering-only.csv",
                "Department,Fiscal Period,Budget Amount,Currency\nEngineering,FY2025,125000,USD\n");

        browser.signInAsAdmin("cyberdyne", "#/runs/" + held);

        browser.waitForText(By.id("run-message"), "would soft-delete 2 of 3 active budgets");
        List<String> planned = browser.driver().findElements(By.cssSelector("#run-stats tbody td")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("1", "0", "1", "0", "2", "0", "0", "0"), planned,
                "rows, created, updated, unchanged, soft-deleted, restored, errors, skipped — before anything changed");
        browser.screenshot("held-run");
        browser.waitFor(By.id("changes-link")).click();

        browser.waitForText(By.id("preview-outcome"), "needs review");
        assertEquals(planned, browser.driver().findElements(By.cssSelector("#preview-counts tbody td")).stream()
                .map(WebElement::getText).toList(), "the dry run counts what the held run counted");
        String updated = browser.waitForText(By.id("sample-table"), "Engineering").getText();
        assertTrue(updated.contains("120,000 USD") && updated.contains("125,000 USD"), "old and new: " + updated);
        browser.waitFor(By.id("kind-softDeleted")).click();
        String deleted = browser.waitForText(By.id("sample-table"), "Marketing").getText();
        assertTrue(deleted.contains("45,000 USD") && deleted.contains("Sales"), deleted);
        assertEquals(3, browser.app().get("/api/budgets?customerId=cyberdyne").json().path("total").asLong(),
                "the preview wrote nothing");
        browser.screenshot("change-preview");
        browser.waitFor(By.id("approve")).click();

        browser.waitForText(By.id("run-status"), "success");
        assertEquals(1, browser.app().get("/api/budgets?customerId=cyberdyne").json().path("total").asLong(),
                "approved: the two missing budgets are soft-deleted");
    }

    @Test
    void aRunning200000RowImportShowsItsProgressMoving() throws Exception {
        StringBuilder csv = new StringBuilder("Department,Fiscal Period,Budget Amount,Currency\n");
        for (int i = 0; i < 200_000; i++) {
            // amounts that vary like real ones (a run of consecutive integers would read as an id column)
            csv.append("Department ").append(i).append(",FY2025,").append(1000 + i * 7919 % 90000).append('.')
                    .append(i % 90 + 10).append(",USD\n");
        }
        browser.signInAsAdmin("soylent", "#/runs");
        browser.waitFor(By.id("runs"));
        RunningApp.Response started = browser.app().postBytes("/api/sync/upload?customerId=soylent&filename=big.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        String syncId = started.json().path("syncId").asText();
        browser.open("#/runs/" + syncId);

        AtomicBoolean zerosShownWhileRunning = new AtomicBoolean();
        AtomicBoolean pendingNoteShown = new AtomicBoolean();
        List<Long> rowsRead = browser.valuesSeen(By.id("run-progress"), "data-rows-read", seen -> {
                    if (!browser.driver().findElements(By.id("run-progress")).isEmpty()) {
                        zerosShownWhileRunning.compareAndSet(false,
                                !browser.driver().findElements(By.id("run-stats")).isEmpty());
                        pendingNoteShown.compareAndSet(false,
                                !browser.driver().findElements(By.id("run-stats-pending")).isEmpty());
                    }
                    return seen.stream().filter(v -> !v.equals("0")).count() >= 3 || !browser.driver()
                            .findElements(By.cssSelector("#run-status .status-success, #run-status .status-failed"))
                            .isEmpty();
                })
                .stream().map(Long::parseLong).filter(n -> n > 0).toList();
        browser.screenshot("run-progress");

        assertTrue(rowsRead.size() >= 2, "the bar moved while the rows were read: " + rowsRead);
        for (int i = 1; i < rowsRead.size(); i++) {
            assertTrue(rowsRead.get(i) > rowsRead.get(i - 1), "rows read only grow: " + rowsRead);
        }
        assertTrue(rowsRead.get(rowsRead.size() - 1) <= 200_000, rowsRead.toString());
        assertTrue(pendingNoteShown.get() && !zerosShownWhileRunning.get(),
                "while it runs, the page says the numbers come at the end instead of showing zeros");
        browser.waitForText(By.id("run-status"), "success");
        assertTrue(browser.driver().findElements(By.id("run-progress")).isEmpty(), "a finished run shows no bar");
        browser.waitForText(By.id("run-stats"), "200,000");
    }

    @Test
    void historyCsvExportHoldsExactlyTheRunsTheApiLists() throws Exception {
        RunningApp app = browser.app();
        ConsoleData data = new ConsoleData(app);
        data.upload("wayne", "q1.csv", ConsoleData.BUDGET_CSV);
        data.upload("wayne", "q2-review.csv", ConsoleData.REVIEW_CSV);
        data.upload("wayne", "q3.csv", ConsoleData.BUDGET_CSV.replace("120000", "130000"));

        browser.signInAsAdmin("wayne", "#/runs");
        browser.waitForText(By.id("runs"), "q3.csv");
        new Select(browser.waitFor(By.id("filter-status"))).selectByValue("success");
        browser.driver().findElement(By.cssSelector("form.filters button[type=submit]")).click();
        browser.until(d -> !d.findElement(By.id("runs")).getText().contains("q2-review.csv"));
        browser.driver().findElement(By.id("export-csv")).click();

        List<CSVRecord> exported;
        try (Reader reader = Files.newBufferedReader(browser.downloaded("wayne-sync-history.csv"),
                StandardCharsets.UTF_8)) {
            exported = CSVFormat.DEFAULT.builder().setHeader().get().parse(reader).getRecords();
        }
        JsonNode api = app.get("/api/sync/history?customerId=wayne&status=success").json().path("items");
        assertEquals(2, api.size(), api.toString());
        List<String> fromApi = new ArrayList<>();
        List<String> fromCsv = new ArrayList<>();
        for (int i = 0; i < api.size(); i++) {
            JsonNode run = api.get(i);
            fromApi.add(String.join("|", run.path("syncId").asText(), run.path("status").asText(),
                    run.path("filename").asText(), run.path("stats").path("totalRows").asText(),
                    run.path("stats").path("created").asText(), run.path("stats").path("updated").asText()));
        }
        for (CSVRecord r : exported) {
            fromCsv.add(String.join("|", r.get("syncId"), r.get("status"), r.get("filename"), r.get("totalRows"),
                    r.get("created"), r.get("updated")));
        }
        assertEquals(fromApi, fromCsv, "same runs, same order (newest first), same numbers");
    }
}
