package com.budgetsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.net.OutboundGuard;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of a config's options, frequency and time zone: invalid values refused with their message, edges kept. */
class ConfigValidatorTest {
    private static final ConfigValidator VALIDATOR = new ConfigValidator(new OutboundGuard(false, false));

    static List<String> optionProblems(String name, Object value) {
        Map<String, Object> options = new HashMap<>();
        options.put(name, value);
        return messages(new ConfigDraft("acme", "upload", null, null, Map.of(), options, Set.of()));
    }

    static List<String> messages(ConfigDraft draft) {
        return VALIDATOR.validate(draft).stream().map(ConfigViolation::message).toList();
    }

    static void refused(List<String> problems, String expected) {
        assertEquals(List.of(expected), problems);
    }

    static void accepted(List<String> problems) {
        assertEquals(List.of(), problems);
    }

    @Test
    void everyOptionOfConfigOptionsHasARuleAndNothingElseIsAnOption() {
        List<String> fields = Arrays.stream(ConfigOptions.class.getRecordComponents()).map(RecordComponent::getName)
                .sorted().toList();
        assertEquals(fields, ConfigValidator.optionNames().stream().sorted().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"defaultcurrency", "currency", "fiscalyear", "duplicate", "pin"})
    void anUnknownOptionIsNamed(String name) {
        refused(optionProblems(name, "x"), "options." + name + " \"x\" is not an option; options are defaultCurrency,"
                + " mappingThreshold, pins, sheet, errorThreshold, duplicates, deletionGuard, notifyEmails,"
                + " notifyWebhooks, notifyOnSuccess, fiscalYear, alerts, takeOverBudgets");
    }

    @Test
    void alertSettingsHaveTheirTypesAndRanges() {
        accepted(optionProblems("alerts", Map.of("staleAfterHours", 12, "expectedBy", "07:00", "expectedOn",
                "weekdays", "warnAfterFailures", 3, "pauseAfterFailures", 0, "slowRunMinutes", 2.5, "errorRate", 0.1)));
        refused(optionProblems("alerts", Map.of("expectedBy", "7am")), "options.alerts.expectedBy \"7am\" must be a"
                + " time of day as HH:mm in the config's time zone, e.g. 07:00");
        refused(optionProblems("alerts", Map.of("expectedOn", "mondays")),
                "options.alerts.expectedOn \"mondays\" must be daily or weekdays");
        refused(optionProblems("alerts", Map.of("pauseAfterFailures", -1)),
                "options.alerts.pauseAfterFailures -1 must be a whole number from 0 to 10000");
        refused(optionProblems("alerts", Map.of("staleAfterHours", 0)),
                "options.alerts.staleAfterHours 0 must be a number more than 0 (hours, e.g. 8)");
        refused(optionProblems("alerts", Map.of("errorRate", 5)), "options.alerts.errorRate 5 must be a fraction"
                + " from 0 to 1 (0.05 = 5 % of rows), not a percentage or text");
        refused(optionProblems("alerts", Map.of("pauseAfter", 5)), "options.alerts.pauseAfter 5 is not an alert"
                + " setting; they are staleAfterHours, expectedBy, expectedOn, warnAfterFailures, pauseAfterFailures,"
                + " warnAfterReviews, slowRunMinutes, errorRate");
        refused(optionProblems("alerts", "07:00"), "options.alerts \"07:00\" must be an object of alert settings,"
                + " e.g. {\"expectedBy\": \"07:00\"}");
    }

    @Test
    void defaultCurrencyIsAnIsoCodeInUse() {
        refused(optionProblems("defaultCurrency", "EURO"),
                "options.defaultCurrency \"EURO\" is not an ISO 4217 currency code in use; e.g. EUR");
        for (String notInUse : List.of("XXX", "XTS", "XAU", "DEM", "USN", "eur")) {
            assertEquals(1, optionProblems("defaultCurrency", notInUse).size(), notInUse);
        }
        refused(optionProblems("defaultCurrency", 978), "options.defaultCurrency 978 must be non-empty text");
        for (String inUse : List.of("EUR", "USD", "GBP", "JPY", "CHF", "XOF", "XCD", "INR")) {
            accepted(optionProblems("defaultCurrency", inUse));
        }
    }

    @Test
    void thresholdsAndTheGuardAreFractionsFromZeroToOne() {
        refused(optionProblems("errorThreshold", 5), "options.errorThreshold 5 must be a fraction from 0 to 1"
                + " (0.05 = 5 % of rows), not a percentage or text");
        refused(optionProblems("mappingThreshold", "high"), "options.mappingThreshold \"high\" must be a fraction"
                + " from 0 to 1 (0.7 = 70 % confidence), not a percentage or text");
        refused(optionProblems("deletionGuard", -0.1), "options.deletionGuard -0.1 must be a fraction from 0 to 1"
                + " (0.25 = 25 % of the config's budgets), not a percentage or text");
        for (String option : List.of("errorThreshold", "mappingThreshold", "deletionGuard")) {
            accepted(optionProblems(option, 0));
            accepted(optionProblems(option, 1));
            accepted(optionProblems(option, 0.05));
            assertEquals(1, optionProblems(option, 1.01).size(), option);
        }
    }

    @Test
    void duplicatesIsSumOrError() {
        refused(optionProblems("duplicates", "summ"), "options.duplicates \"summ\" must be sum or error");
        refused(optionProblems("duplicates", true), "options.duplicates true must be non-empty text");
        accepted(optionProblems("duplicates", "sum"));
        accepted(optionProblems("duplicates", "error"));
    }

    @Test
    void pinsNameExistingFieldsAndPinAColumnOnce() {
        refused(optionProblems("pins", Map.of("Budget Value", "budget")), "options.pins.Budget Value \"budget\" is not"
                + " a field; fields are department, fiscalPeriod, amount, subCategory, currency");
        Map<String, Object> twice = new LinkedHashMap<>();
        twice.put("Budget Value", "amount");
        twice.put("budget  value", "department");
        refused(optionProblems("pins", twice),
                "options.pins.budget  value \"department\" pins the column 'Budget Value' a second time");
        Map<String, Object> oneFieldTwice = new LinkedHashMap<>();
        oneFieldTwice.put("Budget", "amount");
        oneFieldTwice.put("Forecast", "amount");
        refused(optionProblems("pins", oneFieldTwice), "options.pins.Forecast \"amount\" is already pinned to the"
                + " column 'Budget'; a field takes one column");
        refused(optionProblems("pins", List.of("amount")), "options.pins (a list of 1) must be an object of column"
                + " header → field, e.g. {\"Budget Value\": \"amount\"}");
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("Cost Centre", "department");
        all.put("Period", "fiscalPeriod");
        all.put("Budget Value", "amount");
        all.put("GL", "subCategory");
        all.put("Ccy", "currency");
        accepted(optionProblems("pins", all));
        accepted(optionProblems("pins", Map.of()));
    }

    @Test
    void sheetIsAnExcelSheetName() {
        refused(optionProblems("sheet", "Budget/2026"), "options.sheet \"Budget/2026\" is not an Excel sheet name"
                + " (at most 31 characters, none of : \\ / ? * [ ])");
        assertEquals(1, optionProblems("sheet", "x".repeat(32)).size());
        assertEquals(1, optionProblems("sheet", " ").size());
        accepted(optionProblems("sheet", "x".repeat(31)));
        accepted(optionProblems("sheet", "Budget FY26 (final)"));
    }

    @Test
    void notifyEmailsAreAddresses() {
        refused(optionProblems("notifyEmails", List.of("fpa-team@acme.example", "fpa-team")),
                "options.notifyEmails \"fpa-team\" is not an email address, e.g. fpa-team@acme.example");
        assertEquals(1, optionProblems("notifyEmails", List.of("a@b.example, c@d.example")).size());
        refused(optionProblems("notifyEmails", "fpa@acme.example"),
                "options.notifyEmails \"fpa@acme.example\" must be a list of non-empty texts");
        accepted(optionProblems("notifyEmails", List.of("fpa-team@acme.example", "FP&A <fpa@acme.example>")));
        accepted(optionProblems("notifyEmails", List.of()));
    }

    @Test
    void notifyWebhooksAreHttpUrlsThroughTheOutboundGuardAndShownMasked() {
        String secretPath = "https://hooks.slack.com/services/T000/B000/XXXX";
        accepted(optionProblems("notifyWebhooks", List.of(secretPath, "http://hooks.example.com/budget")));
        List<String> refused = optionProblems("notifyWebhooks", List.of("ftp://files.example.com/x",
                "http://10.0.0.5/hook"));
        assertEquals(2, refused.size(), refused.toString());
        assertTrue(refused.get(0).startsWith("options.notifyWebhooks ftp://files.example.com/… ("), refused.get(0));
        assertTrue(refused.get(0).endsWith("is not an http(s) URL with a host, e.g. https://hooks.slack.com/services/…"),
                refused.get(0));
        assertTrue(refused.get(1).contains("is refused: outbound connection to 10.0.0.5 refused: private network"
                + " address"), refused.get(1));
        String masked = WebhookUrls.mask("http://10.0.0.5/hook");
        accepted(messages(new ConfigDraft("acme", "upload", null, null, Map.of(),
                Map.of("notifyWebhooks", List.of(masked)), Set.of(masked))));
    }

    @Test
    void notifyOnSuccessIsABoolean() {
        refused(optionProblems("notifyOnSuccess", "yes"), "options.notifyOnSuccess \"yes\" must be true or false");
        accepted(optionProblems("notifyOnSuccess", false));
    }

    @Test
    void aNullOptionMeansTheDefault() {
        accepted(optionProblems("defaultCurrency", null));
    }

    @Test
    void frequencyIsANameOrACronTemporalRuns() {
        String allowed = "must be hourly, every_4_hours, daily, manual or a 5-field cron expression (minute hour"
                + " day-of-month month day-of-week 0-6 or SUN-SAT, e.g. \"0 6 * * MON-FRI\")";
        assertEquals(List.of("frequency \"0 6 * * 7\" " + allowed + ": Value 7 not in range [0, 6]"),
                messages(frequency("0 6 * * 7")));
        assertEquals(List.of("frequency \"weekly\" " + allowed), messages(frequency("weekly")));
        assertEquals(List.of("frequency \"@every 5m\" " + allowed), messages(frequency("@every 5m")));
        assertEquals(List.of("frequency \"0 0 31 2 *\" " + allowed + ": It never fires"),
                messages(frequency("0 0 31 2 *")));
        for (String bad : List.of("60 * * * *", "0 24 * * *", "0 0 0 * *", "0 0 * 13 *", "0 6 * * 1#2",
                "0 6 ? * 1", "0 6 L * *", "* * * * * *")) {
            assertEquals(1, messages(frequency(bad)).size(), bad);
        }
        for (String good : List.of("0 6 * * MON-FRI", "0 6 * * mon-fri", "0 6 * * 0", "0 6 * * 6", "*/15 * * * *",
                "59 23 31 12 SUN", "0 0 1 JAN *", "hourly", "EVERY_4_HOURS", "daily", "manual")) {
            accepted(messages(frequency(good)));
        }
    }

    @Test
    void timezoneIsAZoneId() {
        assertEquals(List.of("timezone \"Europe/Pariss\" is not a time zone id, e.g. UTC, Europe/Paris,"
                + " America/New_York"),
                messages(new ConfigDraft("acme", "upload", null, "Europe/Pariss", null, null, null)));
        for (String zone : List.of("UTC", "Europe/Paris", "America/Argentina/Buenos_Aires", "+05:30", " ")) {
            accepted(messages(new ConfigDraft("acme", "upload", null, zone, null, null, null)));
        }
    }

    @Test
    void allViolationsAreReportedAtOnce() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("defaultCurrency", "EURO");
        options.put("duplicates", "summ");
        options.put("colour", "red");
        List<String> problems = messages(new ConfigDraft("acme", "ftp", "0 6 * * 7", "Mars/Olympus", Map.of(),
                options, Set.of()));
        assertEquals(6, problems.size(), problems.toString());
        assertEquals("sourceType \"ftp\" must be one of upload, local, sftp, s3, https", problems.get(0));
    }

    private static ConfigDraft frequency(String frequency) {
        return new ConfigDraft("acme", "upload", frequency, null, null, null, null);
    }
}
