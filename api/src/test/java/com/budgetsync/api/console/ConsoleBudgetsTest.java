package com.budgetsync.api.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import com.budgetsync.db.AlertDao;
import com.budgetsync.domain.AlertKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The budgets page and the health page, in Chromium. */
class ConsoleBudgetsTest {
    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();

    @Test
    void budgetsShowAvailableAsAmountLessCommittedAndReserved() throws Exception {
        RunningApp app = browser.app();
        new ConsoleData(app).upload("acme", "acme-budget.csv", ConsoleData.BUDGET_CSV);
        utilize(app, "commit", "c-1", "20000.50");
        utilize(app, "reserve", "r-1", "5000");

        browser.signInAsAdmin("acme", "#/budgets");

        WebElement table = browser.waitForText(By.id("budgets"), "Engineering");
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertEquals(3, rows.size());
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            BigDecimal amount = money(cells.get(4)), committed = money(cells.get(5)), reserved = money(cells.get(6));
            assertEquals(0, amount.subtract(committed).subtract(reserved).compareTo(money(cells.get(7))),
                    row.getText());
            if (cells.get(0).getText().equals("Engineering")) {
                assertEquals("94,999.5", cells.get(7).getText(), "120,000 − 20,000.50 − 5,000");
            }
        }

        browser.type(By.id("filter-department"), "ENG");
        browser.driver().findElement(By.cssSelector("form.filters button[type=submit]")).click();
        browser.until(d -> d.findElements(By.cssSelector("#budgets tbody tr")).size() == 1);
        browser.waitFor(By.cssSelector("#budgets tbody button[data-audit]")).click();
        WebElement audit = browser.waitForText(By.id("audit"), "created");
        assertTrue(audit.getText().contains("c-1") && audit.getText().contains("r-1"),
                "the trail holds the import and procurement's commitment and reservation: " + audit.getText());
        long id = browser.app().get("/api/budgets?customerId=acme&department=eng").json().path("budgets").get(0)
                .path("id").asLong();
        JsonNode trail = browser.app().get("/api/budgets/" + id + "/audit").json();
        assertEquals(List.of("acme", Long.toString(id), "3"), List.of(trail.path("customerId").asText(),
                trail.path("budgetId").asText(), trail.path("total").asText()), "the list envelope: " + trail);
        assertEquals(3, trail.path("entries").size(), "created, reserve, commit");
    }

    @Test
    void healthPageReadsTheHealthReportAndClosesAnOpenAlert() {
        AlertDao alerts = new AlertDao(browser.app().db.jdbi());
        long alert = alerts.raise("acme", null, AlertKind.LATE_FILE, "console:" + System.nanoTime(),
                "no new file by 07:00 (UTC)", null).orElseThrow().id();
        browser.signInAsAdmin("acme", "#/health");
        WebElement health = browser.waitForText(By.id("health"), "PostgreSQL");
        assertEquals(2, health.findElements(By.cssSelector(".ok")).size(), health.getText());

        WebElement open = browser.waitForText(By.id("alerts"), "no new file by 07:00 (UTC)");
        assertTrue(open.getText().contains("late_file"), open.getText());
        browser.waitFor(By.cssSelector("#alerts button[data-close='" + alert + "']")).click();
        browser.waitForText(By.id("alerts"), "No open alerts.");
        assertEquals("admin", alerts.find(alert).orElseThrow().closedBy());
    }

    private static void utilize(RunningApp app, String action, String requestId, String amount) throws Exception {
        RunningApp.Response r = app.postJson("/api/budget/" + action, Map.of("requestId", requestId,
                "customerId", "acme", "department", "Engineering", "fiscalPeriod", "FY2025", "amount", amount,
                "currency", "USD"));
        assertEquals(200, r.status(), r.body());
    }

    private static BigDecimal money(WebElement cell) {
        return new BigDecimal(cell.getText().replace(",", ""));
    }
}
