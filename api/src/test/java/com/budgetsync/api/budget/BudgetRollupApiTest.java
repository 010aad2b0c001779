package com.budgetsync.api.budget;

import static com.budgetsync.api.budget.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks and reservations answered at the level asked: the rollup bases and the spread of a reservation. */
class BudgetRollupApiTest {
    @RegisterExtension
    static final ApiClient api = new ApiClient();

    private static JsonNode check(String customer, String fields) throws Exception {
        ApiClient.Reply reply = api.post("/api/budget/check", "{\"customerId\":\"" + customer + "\","
                + fields + ",\"currency\":\"USD\"}");
        assertEquals(200, reply.status(), reply.body().toString());
        return reply.body();
    }

    private static List<String> periods(JsonNode answer) {
        return answer.get("budgets").findValuesAsText("fiscalPeriod");
    }

    @Test
    void aDepartmentOnlyCheckAddsUpItsSubCategoriesAndASubCategoryCheckUsesItsOwn() throws Exception {
        Budgets.month(api.db().jdbi(), "sums", "Engineering", "Software", "2025-03", "400");
        Budgets.month(api.db().jdbi(), "sums", "Engineering", "Hardware", "2025-03", "200");

        JsonNode department = check("sums", "\"department\":\"engineering\",\"date\":\"2025-03-10\",\"amount\":\"550\"");
        assertEquals("within_budget", department.get("status").asText());
        assertEquals("sum of sub-categories", department.get("basis").asText());
        assertDecimal("600", department.get("available"));
        assertDecimal("50", department.get("remainingAfter"));
        assertEquals(List.of("Hardware", "Software"), department.get("budgets").findValuesAsText("subCategory"));
        assertFalse(department.has("budget"), "no single budget for a rolled-up answer");

        JsonNode software = check("sums", "\"department\":\"Engineering\",\"subCategory\":\"software\","
                + "\"date\":\"2025-03-10\",\"amount\":\"550\"");
        assertEquals("over_budget", software.get("status").asText());
        assertEquals("exact", software.get("basis").asText());
        assertDecimal("400", software.get("available"));
        assertEquals("Software", software.get("budget").get("subCategory").asText());
    }

    @Test
    void aYearOrQuarterAddsUpTheMonthsItCoversAndAMonthDrawsOnTheYear() throws Exception {
        for (int month = 1; month <= 12; month++) {
            Budgets.month(api.db().jdbi(), "periods", "Ops", "", "2025-%02d".formatted(month), "100");
        }
        Budgets.add(api.db().jdbi(), "periods", "Legal", "", "FY2025", "YEAR", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), "12000", "USD");

        JsonNode year = check("periods", "\"department\":\"Ops\",\"fiscalPeriod\":\"FY2025\",\"amount\":\"1\"");
        assertEquals("sum of months", year.get("basis").asText());
        assertDecimal("1200", year.get("available"));
        assertEquals(12, year.get("budgets").size());
        JsonNode quarter = check("periods", "\"department\":\"Ops\",\"fiscalPeriod\":\"FY2025-Q2\",\"amount\":\"1\"");
        assertEquals(List.of("2025-04", "2025-05", "2025-06"), periods(quarter));
        assertDecimal("300", quarter.get("available"));

        JsonNode month = check("periods", "\"department\":\"Legal\",\"fiscalPeriod\":\"2025-03\",\"amount\":\"1\"");
        assertEquals("yearly budget", month.get("basis").asText());
        assertEquals("FY2025", month.get("budget").get("fiscalPeriod").asText());
        assertDecimal("12000", month.get("available"));
        assertEquals("exact", check("periods", "\"department\":\"Ops\",\"fiscalPeriod\":\"2025-03\",\"amount\":\"1\"")
                .get("basis").asText());
    }

    @Test
    void aReservationOnARollupIsSpreadInProportionToAvailableOnceByRequestId() throws Exception {
        long software = Budgets.month(api.db().jdbi(), "spread", "Engineering", "Software", "2025-03", "400");
        long hardware = Budgets.month(api.db().jdbi(), "spread", "Engineering", "Hardware", "2025-03", "200");
        String body = """
                {"requestId":"po-1","customerId":"spread","department":"Engineering","date":"2025-03-10",
                 "amount":"300","currency":"USD"}""";

        ApiClient.Reply reserved = api.post("/api/budget/reserve", body);
        assertEquals(200, reserved.status(), reserved.body().toString());
        assertEquals("sum of sub-categories", reserved.body().get("basis").asText());
        assertDecimal("300", reserved.body().get("available"));
        JsonNode shares = reserved.body().get("shares");
        assertEquals(2, shares.size());
        assertEquals(hardware, shares.get(0).get("budgetId").asLong());
        assertDecimal("100", shares.get(0).get("amount"));
        assertEquals(software, shares.get(1).get("budgetId").asLong());
        assertDecimal("200", shares.get(1).get("amount"));

        ApiClient.Reply retried = api.post("/api/budget/reserve", body);
        assertTrue(retried.body().get("replayed").asBoolean());
        assertDecimal("300", retried.body().get("available"));
        assertEquals(List.of("0.0000 200.0000", "0.0000 100.0000"), utilization(software, hardware));

        ApiClient.Reply committed = api.post("/api/budget/commit", "{\"requestId\":\"po-1\",\"customerId\":\"spread\"}");
        assertEquals("committed", committed.body().get("state").asText());
        assertEquals(List.of("200.0000 0.0000", "100.0000 0.0000"), utilization(software, hardware));
        assertEquals(2L, (long) api.db().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_log WHERE request_id = 'po-1' AND action = 'commit'")
                .mapTo(Long.class).one()));
    }

    private static List<String> utilization(long... budgets) {
        return java.util.Arrays.stream(budgets).mapToObj(id -> api.db().jdbi().withHandle(h -> h.createQuery(
                        "SELECT committed || ' ' || reserved FROM budget_utilization WHERE budget_id = :id")
                .bind("id", id).mapTo(String.class).one())).toList();
    }
}
