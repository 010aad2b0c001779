package com.budgetsync.api.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BudgetCheckApiTest {
    @RegisterExtension
    static final ApiClient api = new ApiClient();

    private static JsonNode check(String json) throws Exception {
        ApiClient.Reply reply = api.post("/api/budget/check", json);
        assertEquals(200, reply.status(), reply.body().toString());
        return reply.body();
    }

    private static void assertDecimal(String expected, JsonNode value) {
        assertTrue(value.isBigDecimal() || value.isIntegralNumber(), "an exact JSON number: " + value);
        assertEquals(0, new BigDecimal(expected).compareTo(value.decimalValue()), expected + " vs " + value);
    }

    @Test
    void checkFindsTheMostSpecificActiveBudgetIgnoringCaseAndWhitespace() throws Exception {
        Budgets.add(api.db().jdbi(), "acme", "Field Marketing", "", "FY2025", "YEAR", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), "12000", "USD");
        Budgets.add(api.db().jdbi(), "acme", "Field Marketing", "", "FY2025-Q1", "QUARTER", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 3, 31), "3000", "USD");
        long february = Budgets.month(api.db().jdbi(), "acme", "Field Marketing", "", "2025-02", "1000");
        Budgets.add(api.db().jdbi(), "acme", "Field Marketing", "Events", "FY2025", "YEAR", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), "5000", "USD");

        JsonNode month = check("""
                {"customerId":"acme","department":"  field   MARKETING ","date":"2025-02-10","amount":250.10,"currency":"usd"}""");
        assertEquals("within_budget", month.get("status").asText());
        assertEquals("2025-02", month.get("budget").get("fiscalPeriod").asText());
        assertEquals("Field Marketing", month.get("budget").get("department").asText());
        assertDecimal("1000", month.get("available"));
        assertDecimal("749.90", month.get("remainingAfter"));

        String march = """
                {"customerId":"acme","department":"Field Marketing","date":"2025-03-05","amount":"1","currency":"USD"}""";
        assertEquals("FY2025-Q1", check(march).get("budget").get("fiscalPeriod").asText());
        assertEquals("FY2025", check(march.replace("2025-03-05", "2025-07-01")).get("budget").get("fiscalPeriod").asText());

        JsonNode events = check("""
                {"customerId":"acme","department":"Field Marketing","subCategory":"EVENTS","date":"2025-02-10","amount":"1","currency":"USD"}""");
        assertEquals("Events", events.get("budget").get("subCategory").asText());
        JsonNode fallback = check("""
                {"customerId":"acme","department":"Field Marketing","subCategory":"Travel","date":"2025-02-10","amount":"1","currency":"USD"}""");
        assertEquals("2025-02", fallback.get("budget").get("fiscalPeriod").asText());
        assertFalse(fallback.get("budget").has("subCategory") && !fallback.get("budget").get("subCategory").isNull());

        JsonNode over = check("""
                {"customerId":"acme","department":"Field Marketing","date":"2025-02-10","amount":"1000.0001","currency":"USD"}""");
        assertEquals("over_budget", over.get("status").asText());
        assertDecimal("-0.0001", over.get("remainingAfter"));

        assertEquals("FY2025-Q1", check("""
                {"customerId":"acme","department":"Field Marketing","fiscalPeriod":"Q1 2025","amount":"1","currency":"USD"}""")
                .get("budget").get("fiscalPeriod").asText());
        assertEquals("no_budget", check("""
                {"customerId":"acme","department":"Sales","date":"2025-02-10","amount":"1","currency":"USD"}""")
                .get("status").asText());

        api.db().jdbi().useHandle(h -> h.execute("UPDATE budget SET deleted_at = now() WHERE id = ?", february));
        assertEquals("FY2025-Q1", check(march.replace("2025-03-05", "2025-02-10")).get("budget").get("fiscalPeriod")
                .asText());

        assertEquals(400, api.post("/api/budget/check", """
                {"customerId":"acme","department":"Field Marketing","currency":"USD"}""").status());
    }

    @Test
    void fiscalYearStartMonthMovesYearAndQuarterBudgets() throws Exception {
        Budgets.add(api.db().jdbi(), "julyco", "Ops", "", "FY2025", "YEAR", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), "100", "USD");
        ApiClient.Reply put = api.put("/api/customers/julyco", "{\"fiscalYearStartMonth\":7}");
        assertEquals(200, put.status());
        assertEquals(1, put.body().get("budgetsRedated").asInt());

        String body = """
                {"customerId":"julyco","department":"Ops","date":"%s","amount":"1","currency":"USD"}""";
        assertEquals("within_budget", check(body.formatted("2024-08-10")).get("status").asText());
        assertEquals("no_budget", check(body.formatted("2025-08-10")).get("status").asText());
        assertEquals("FY2025", check("""
                {"customerId":"julyco","department":"Ops","fiscalPeriod":"FY2025-Q1","amount":"1","currency":"USD"}""")
                .get("budget").get("fiscalPeriod").asText());
        assertEquals(400, api.put("/api/customers/julyco", "{\"fiscalYearStartMonth\":13}").status());
    }

    @Test
    void reserveCommitAndReleaseAreIdempotentPerRequestId() throws Exception {
        long budget = Budgets.month(api.db().jdbi(), "shop", "IT", "", "2025-03", "1000");
        String it = "\"customerId\":\"shop\",\"department\":\"IT\",\"date\":\"2025-03-10\",\"currency\":\"USD\"";

        ApiClient.Reply reserved = api.post("/api/budget/reserve", "{\"requestId\":\"r1\",\"amount\":\"400\"," + it + "}");
        assertEquals(200, reserved.status(), reserved.body().toString());
        assertEquals("reserved", reserved.body().get("state").asText());
        assertDecimal("600", reserved.body().get("available"));
        ApiClient.Reply retried = api.post("/api/budget/reserve", "{\"requestId\":\"r1\",\"amount\":400.00," + it + "}");
        assertTrue(retried.body().get("replayed").asBoolean());
        assertDecimal("600", retried.body().get("available"));
        assertEquals(409, api.post("/api/budget/reserve", "{\"requestId\":\"r1\",\"amount\":\"500\"," + it + "}").status());

        ApiClient.Reply refused = api.post("/api/budget/reserve",
                "{\"requestId\":\"r2\",\"amount\":\"600.01\",\"enforce\":true," + it + "}");
        assertEquals(409, refused.status());
        assertDecimal("600", refused.body().get("details").get("available"));

        ApiClient.Reply committed = api.post("/api/budget/commit", "{\"requestId\":\"r1\",\"customerId\":\"shop\"}");
        assertEquals("committed", committed.body().get("state").asText());
        assertDecimal("400", committed.body().get("budget").get("committed"));
        assertDecimal("0", committed.body().get("budget").get("reserved"));
        assertTrue(api.post("/api/budget/commit", "{\"requestId\":\"r1\",\"customerId\":\"shop\"}").body()
                .get("replayed").asBoolean());
        assertEquals(409, api.post("/api/budget/release", "{\"requestId\":\"r1\",\"customerId\":\"shop\"}").status());

        api.post("/api/budget/reserve", "{\"requestId\":\"r3\",\"amount\":\"100\"," + it + "}");
        ApiClient.Reply released = api.post("/api/budget/release", "{\"requestId\":\"r3\",\"customerId\":\"shop\"}");
        assertEquals("released", released.body().get("state").asText());
        assertDecimal("600", released.body().get("available"));
        assertTrue(api.post("/api/budget/release", "{\"requestId\":\"r3\",\"customerId\":\"shop\"}").body()
                .get("replayed").asBoolean());
        assertEquals(404, api.post("/api/budget/release", "{\"requestId\":\"nope\",\"customerId\":\"shop\"}").status());

        ApiClient.Reply direct = api.post("/api/budget/commit", "{\"requestId\":\"r4\",\"amount\":\"50.25\"," + it + "}");
        assertEquals("committed", direct.body().get("state").asText());
        assertDecimal("549.75", direct.body().get("available"));

        List<String> audit = api.db().jdbi().withHandle(h -> h.createQuery("""
                        SELECT request_id || ' ' || action || ' ' || new_amount FROM audit_log
                         WHERE budget_id = :id ORDER BY id""").bind("id", budget).mapTo(String.class).list());
        assertEquals(List.of("r1 reserve 400.0000", "r1 commit 400.0000", "r3 reserve 100.0000",
                "r3 release 100.0000", "r4 commit 50.2500"), audit);
        String invariant = api.db().jdbi().withHandle(h -> h.createQuery("""
                        SELECT u.committed || ' ' || u.reserved FROM budget_utilization u WHERE u.budget_id = :id""")
                .bind("id", budget).mapTo(String.class).one());
        assertEquals("450.2500 0.0000", invariant);
    }

    @Test
    void otherCurrenciesConvertAtTheRateInForceOrAre422() throws Exception {
        Budgets.month(api.db().jdbi(), "fxco", "R&D", "", "2025-03", "1000");
        String body = """
                {"customerId":"fxco","department":"R&D","date":"%s","amount":"100.10","currency":"EUR"}""";
        ApiClient.Reply missing = api.post("/api/budget/check", body.formatted("2025-03-10"));
        assertEquals(422, missing.status());
        assertTrue(missing.body().get("error").asText().contains("no exchange rate from EUR to USD"));

        ApiClient.Reply saved = api.put("/api/fx-rates", """
                {"rates":[{"from":"EUR","to":"USD","validFrom":"2025-01-01","rate":"1.10"},
                          {"from":"eur","to":"usd","validFrom":"2025-03-15","rate":1.2}]}""");
        assertEquals(200, saved.status(), saved.body().toString());

        JsonNode early = check(body.formatted("2025-03-10"));
        assertDecimal("1.1", early.get("conversion").get("rate"));
        assertEquals("2025-01-01", early.get("conversion").get("rateValidFrom").asText());
        assertDecimal("110.11", early.get("conversion").get("amount"));
        assertDecimal("889.89", early.get("remainingAfter"));
        JsonNode late = check(body.formatted("2025-03-20"));
        assertDecimal("1.2", late.get("conversion").get("rate"));
        assertDecimal("120.12", late.get("conversion").get("amount"));

        ApiClient.Reply reserved = api.post("/api/budget/reserve", """
                {"requestId":"fx-1","customerId":"fxco","department":"R&D","date":"2025-03-20","amount":"100.10","currency":"EUR"}""");
        assertDecimal("120.12", reserved.body().get("budget").get("reserved"));
        assertDecimal("1.2", reserved.body().get("conversion").get("rate"));
    }

    @Test
    void onlyARunHeldForReviewCanBeApproved() throws Exception {
        assertEquals(404, api.post("/api/sync/history/no-such-run/approve", null).status());
        api.db().jdbi().useHandle(h -> h.execute("""
                INSERT INTO sync_history (sync_id, customer_id, triggered_by, status) VALUES ('done-1', 'acme', 'manual', 'success')"""));
        ApiClient.Reply conflict = api.post("/api/sync/history/done-1/approve", null);
        assertEquals(409, conflict.status());
        assertEquals("success", conflict.body().get("details").get("status").asText());
    }
}
