package com.budgetsync.api.budget;

import static com.budgetsync.api.budget.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a reservation beyond available does under each policy, and which available the customer chose. */
class BudgetPolicyApiTest {
    @RegisterExtension
    static final ApiClient api = new ApiClient();

    private static String request(String customer, String requestId, String amount, String extra) {
        return """
                {"requestId":"%s","customerId":"%s","department":"IT","date":"2025-03-10","amount":"%s",
                 "currency":"USD"%s}""".formatted(requestId, customer, amount, extra);
    }

    @Test
    void hardRefusesWithTheAvailableAmountAndEnforceIsHard() throws Exception {
        Budgets.month(api.db().jdbi(), "hardco", "IT", "", "2025-03", "1000");
        assertEquals("hard", api.put("/api/customers/hardco", "{\"budgetPolicy\":\"hard\"}").body()
                .get("budgetPolicy").asText());
        assertEquals(200, api.post("/api/budget/reserve", request("hardco", "h1", "700", "")).status());

        ApiClient.Reply refused = api.post("/api/budget/reserve", request("hardco", "h2", "300.01", ""));
        assertEquals(409, refused.status());
        assertDecimal("300", refused.body().get("details").get("available"));
        assertEquals("hard", refused.body().get("details").get("policy").asText());
        JsonNode check = api.post("/api/budget/check", request("hardco", "-", "300.01", "")).body();
        assertEquals("over_budget", check.get("status").asText());
        assertEquals("hard", check.get("policy").asText());

        // enforce: true is hard whatever the customer's policy (the API before policies)
        Budgets.month(api.db().jdbi(), "legacy", "IT", "", "2025-03", "100");
        ApiClient.Reply enforced = api.post("/api/budget/reserve", request("legacy", "e1", "101", ",\"enforce\":true"));
        assertEquals(409, enforced.status());
        assertDecimal("100", enforced.body().get("details").get("available"));
    }

    @Test
    void softNeedsAReasonWhichTheAuditTrailKeepsWithWhoGaveIt() throws Exception {
        long budget = Budgets.month(api.db().jdbi(), "softco", "IT", "", "2025-03", "1000");
        api.put("/api/customers/softco", "{\"budgetPolicy\":\"soft\"}");

        JsonNode check = api.post("/api/budget/check", request("softco", "-", "1200", "")).body();
        assertEquals("soft", check.get("policy").asText());
        assertTrue(check.get("overBudget").asBoolean());
        assertTrue(check.get("overrideReasonRequired").asBoolean());

        ApiClient.Reply withoutReason = api.post("/api/budget/reserve", request("softco", "s1", "1200", ""));
        assertEquals(409, withoutReason.status());
        assertTrue(withoutReason.body().get("error").asText().contains("overrideReason"),
                withoutReason.body().toString());

        ApiClient.Reply withReason = api.post("/api/budget/reserve", request("softco", "s1", "1200",
                ",\"overrideReason\":\"CFO approved the Q1 overrun by mail\""));
        assertEquals(200, withReason.status(), withReason.body().toString());
        assertTrue(withReason.body().get("overBudget").asBoolean());
        assertEquals("soft", withReason.body().get("policy").asText());
        assertDecimal("-200", withReason.body().get("available"));

        JsonNode entry = api.get("/api/budgets/" + budget + "/audit").body().get("entries").get(0);
        assertEquals("reserve", entry.get("action").asText());
        assertEquals("admin", entry.get("actor").asText());
        assertEquals("CFO approved the Q1 overrun by mail", entry.get("reason").asText());

        JsonNode after = api.post("/api/budget/check", request("softco", "-", "1", "")).body();
        assertEquals("over_budget", after.get("status").asText());
        assertTrue(after.get("overrideReasonRequired").asBoolean());
    }

    @Test
    void notifyAllowsAndRaisesOneAlertAndABudgetsOwnPolicyWins() throws Exception {
        long budget = Budgets.month(api.db().jdbi(), "notifyco", "IT", "", "2025-03", "100");
        JsonNode over = api.post("/api/budget/reserve", request("notifyco", "n1", "150", "")).body();
        assertEquals("notify", over.get("policy").asText(), "the default policy");
        assertTrue(over.get("overBudget").asBoolean());
        assertEquals(200, api.post("/api/budget/reserve", request("notifyco", "n1", "150", "")).status());

        JsonNode alerts = api.get("/api/alerts?customerId=notifyco").body().get("alerts");
        assertEquals(1, alerts.findValuesAsText("kind").stream().filter("over_budget"::equals).count(),
                alerts.toString());
        assertTrue(alerts.toString().contains("n1"));

        ApiClient.Reply own = api.put("/api/budgets/" + budget + "/policy", "{\"policy\":\"hard\"}");
        assertEquals(200, own.status(), own.body().toString());
        assertEquals("hard", own.body().get("policy").asText());
        ApiClient.Reply refused = api.post("/api/budget/reserve", request("notifyco", "n2", "1", ""));
        assertEquals(409, refused.status());
        assertDecimal("-50", refused.body().get("details").get("available"));
        assertEquals("notify", api.put("/api/budgets/" + budget + "/policy", "{\"policy\":null}").body()
                .get("policy").asText());
    }

    @Test
    void theCustomerChoosesWhetherAvailableSubtractsPendingReservations() throws Exception {
        Budgets.month(api.db().jdbi(), "pendco", "IT", "", "2025-03", "1000");
        api.post("/api/budget/reserve", request("pendco", "p1", "300", ""));
        api.post("/api/budget/commit", request("pendco", "c1", "200", ""));

        JsonNode both = api.post("/api/budget/check", request("pendco", "-", "1", "")).body();
        assertEquals("pending_and_approved", both.get("availableSubtracts").asText());
        assertDecimal("500", both.get("available"));
        assertDecimal("500", both.get("availableAfterPending"));
        assertDecimal("800", both.get("availableAfterApproved"));

        ApiClient.Reply set = api.put("/api/customers/pendco", "{\"availableSubtracts\":\"approved\"}");
        assertEquals(200, set.status(), set.body().toString());
        JsonNode approved = api.post("/api/budget/check", request("pendco", "-", "1", "")).body();
        assertEquals("approved", approved.get("availableSubtracts").asText());
        assertDecimal("800", approved.get("available"));
        assertDecimal("500", approved.get("availableAfterPending"));
        assertDecimal("800", approved.get("budget").get("available"));
        assertEquals(400, api.put("/api/customers/pendco", "{\"availableSubtracts\":\"everything\"}").status());
    }
}
