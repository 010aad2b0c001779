package com.budgetsync.api.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** Upload with a preview, and a mapping review answered with clicks, in Chromium. */
class ConsoleReviewTest {
    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();

    @TempDir
    Path folder;

    @Test
    void aDroppedFileIsPreviewedThenImportedAndItsReviewIsAnsweredWithOneClick() throws Exception {
        RunningApp app = browser.app();
        Path file = Files.writeString(folder.resolve("budget-vs-forecast.csv"), ConsoleData.REVIEW_CSV,
                StandardCharsets.UTF_8);
        browser.signInAsAdmin("stark", "#/upload");

        drop(browser.waitFor(By.id("dropzone")), file);

        WebElement grid = browser.waitFor(By.id("file-grid"));
        assertEquals("Department", grid.findElement(By.cssSelector("th[data-column='Department'] .field")).getText(),
                "the detected field sits above its column");
        assertTrue(browser.waitFor(By.id("preview-format")).getText().contains("header on row 1."),
                "the header row is numbered as a spreadsheet shows it");
        assertTrue(browser.waitFor(By.id("preview-problems")).getText().contains("Budget"),
                "the preview says why it is unsure before anything is imported");
        assertEquals(0, app.get("/api/budgets?customerId=stark").json().path("total").asLong());
        browser.screenshot("upload-preview");
        browser.waitFor(By.id("import")).click();

        browser.waitForText(By.id("run-status"), "needs review");
        browser.waitFor(By.id("review-link")).click();
        WebElement question = browser.waitFor(By.cssSelector(".question[data-field='amount']"));
        assertTrue(question.findElements(By.cssSelector("button.choice")).size() >= 2,
                "the candidates are offered, ranked");
        question.findElement(By.cssSelector("button.choice[data-column='Budget']")).click();
        assertEquals("Amount", browser.driver().findElement(By.cssSelector("th[data-column='Budget'] .field"))
                .getText(), "the grid follows the answer");
        browser.screenshot("review");
        browser.waitFor(By.id("save-review")).click();

        browser.waitForText(By.id("run-status"), "success");
        assertEquals("2", browser.driver().findElements(By.cssSelector("#run-stats tbody td")).get(1).getText(),
                "two budgets created");
        JsonNode config = app.get("/api/sync/config?customerId=stark").json().path("configs").get(0);
        assertEquals("amount", config.path("options").path("pins").path("Budget").asText(),
                "the answer is kept as the source's pin");
    }

    /** Drag and drop as a browser delivers it: a drop event whose dataTransfer holds the file. */
    private static void drop(WebElement zone, Path file) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        WebElement input = (WebElement) js.executeScript("""
                const input = document.createElement('input');
                input.type = 'file';
                input.id = 'drop-source';
                document.body.append(input);
                return input;""");
        input.sendKeys(file.toAbsolutePath().toString());
        js.executeScript("""
                const transfer = new DataTransfer();
                transfer.items.add(arguments[1].files[0]);
                arguments[0].dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true}));
                arguments[1].remove();""", zone, input);
    }
}
