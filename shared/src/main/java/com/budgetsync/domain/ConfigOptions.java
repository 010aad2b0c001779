package com.budgetsync.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A config's mapping, import and notification settings; every field may be left out and then takes the default
 * given by its accessor-like method below. A value the accessor cannot read (saved before validation existed, or
 * written around the API) is never replaced by the default: the accessor throws an IllegalArgumentException naming
 * the option, and the run fails with it. {@code config.ConfigValidator} refuses such values at save time.
 *
 * @param defaultCurrency      currency of rows whose file has no currency column (default USD)
 * @param mappingThreshold     confidence a required field needs before import (default 0.7)
 * @param pins                 header text → field name; pinned columns win over detection
 * @param sheet                Excel sheet to read (default: chosen automatically)
 * @param errorThreshold       share of rows that may be row errors before the run fails (default 0.05)
 * @param duplicates           "sum" (default) adds up duplicate business keys; "error" rejects the file
 * @param deletionGuard        share of the config's active budgets a run may soft-delete (default 0.25)
 * @param notifyEmails         recipients of run notifications
 * @param notifyWebhooks       webhook URLs (generic JSON, or Slack incoming-webhook URLs)
 * @param notifyOnSuccess      also notify successful runs (default false)
 * @param fiscalYear           the fiscal year of files whose periods name no year anywhere (month columns "Jan … Dec"
 *                             with no year column, file name or title row saying it); none by default
 * @param alerts               when operations are warned about this config ({@link AlertOptions}); defaults if absent
 * @param takeOverBudgets      true: this config's file takes over budgets another config of the customer created
 *                             (same department, sub-category and period); default false: such rows are left alone and
 *                             reported as conflicts in the run's warnings
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigOptions(String defaultCurrency, Double mappingThreshold, Map<String, String> pins, String sheet,
                            Double errorThreshold, String duplicates, Double deletionGuard,
                            List<String> notifyEmails, List<String> notifyWebhooks, Boolean notifyOnSuccess,
                            Integer fiscalYear, AlertOptions alerts, Boolean takeOverBudgets) {
    public static final ConfigOptions DEFAULTS = new ConfigOptions(null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    public ConfigOptions(String defaultCurrency, Double mappingThreshold, Map<String, String> pins, String sheet,
                         Double errorThreshold, String duplicates, Double deletionGuard, List<String> notifyEmails,
                         List<String> notifyWebhooks, Boolean notifyOnSuccess, Integer fiscalYear,
                         AlertOptions alerts) {
        this(defaultCurrency, mappingThreshold, pins, sheet, errorThreshold, duplicates, deletionGuard, notifyEmails,
                notifyWebhooks, notifyOnSuccess, fiscalYear, alerts, null);
    }

    public ConfigOptions(String defaultCurrency, Double mappingThreshold, Map<String, String> pins, String sheet,
                         Double errorThreshold, String duplicates, Double deletionGuard, List<String> notifyEmails,
                         List<String> notifyWebhooks, Boolean notifyOnSuccess, Integer fiscalYear) {
        this(defaultCurrency, mappingThreshold, pins, sheet, errorThreshold, duplicates, deletionGuard, notifyEmails,
                notifyWebhooks, notifyOnSuccess, fiscalYear, null);
    }

    public ConfigOptions(String defaultCurrency, Double mappingThreshold, Map<String, String> pins, String sheet,
                         Double errorThreshold, String duplicates, Double deletionGuard, List<String> notifyEmails,
                         List<String> notifyWebhooks, Boolean notifyOnSuccess) {
        this(defaultCurrency, mappingThreshold, pins, sheet, errorThreshold, duplicates, deletionGuard, notifyEmails,
                notifyWebhooks, notifyOnSuccess, null);
    }

    public String currencyOrDefault() {
        if (defaultCurrency == null) {
            return "USD";
        }
        String code = defaultCurrency.trim().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException notACode) {
            throw unreadable("defaultCurrency", "\"" + defaultCurrency + "\"", "is not an ISO 4217 currency code");
        }
    }

    public double mappingThresholdOrDefault() {
        return fraction("mappingThreshold", mappingThreshold, 0.7);
    }

    public Map<String, String> pinsOrEmpty() {
        return pins == null ? Map.of() : pins;
    }

    public double errorThresholdOrDefault() {
        return fraction("errorThreshold", errorThreshold, 0.05);
    }

    public boolean sumDuplicates() {
        if (duplicates == null || duplicates.trim().equalsIgnoreCase("sum")) {
            return true;
        }
        if (duplicates.trim().equalsIgnoreCase("error")) {
            return false;
        }
        throw unreadable("duplicates", "\"" + duplicates + "\"", "must be sum or error");
    }

    public double deletionGuardOrDefault() {
        return fraction("deletionGuard", deletionGuard, 0.25);
    }

    public List<String> notifyEmailsOrEmpty() {
        return notifyEmails == null ? List.of() : notifyEmails;
    }

    public List<String> notifyWebhooksOrEmpty() {
        return notifyWebhooks == null ? List.of() : notifyWebhooks;
    }

    public ConfigOptions withNotifyWebhooks(List<String> webhooks) {
        return new ConfigOptions(defaultCurrency, mappingThreshold, pins, sheet, errorThreshold, duplicates,
                deletionGuard, notifyEmails, webhooks, notifyOnSuccess, fiscalYear, alerts, takeOverBudgets);
    }

    /** The same options with other pins: every other option kept as it is. */
    public ConfigOptions withPins(Map<String, String> newPins) {
        return new ConfigOptions(defaultCurrency, mappingThreshold, newPins, sheet, errorThreshold, duplicates,
                deletionGuard, notifyEmails, notifyWebhooks, notifyOnSuccess, fiscalYear, alerts, takeOverBudgets);
    }

    public boolean takeOverBudgetsOrDefault() {
        return takeOverBudgets != null && takeOverBudgets;
    }

    public AlertOptions alertsOrDefaults() {
        return alerts == null ? AlertOptions.DEFAULTS : alerts;
    }

    public boolean notifyOnSuccessOrDefault() {
        return notifyOnSuccess != null && notifyOnSuccess;
    }

    /** 0–1; 5 could mean 5 % or 500 %, so a value outside is not guessed at. */
    private static double fraction(String option, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 0 || value > 1) {
            throw unreadable(option, String.valueOf(value), "must be a fraction from 0 to 1");
        }
        return value;
    }

    private static IllegalArgumentException unreadable(String option, String shown, String allowed) {
        return new IllegalArgumentException("options." + option + " " + shown + " " + allowed);
    }
}
