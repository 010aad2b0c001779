package com.budgetsync.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A config's mapping, import and notification settings; every field may be left out and then takes the default
 * given by its accessor-like method below.
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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigOptions(String defaultCurrency, Double mappingThreshold, Map<String, String> pins, String sheet,
                            Double errorThreshold, String duplicates, Double deletionGuard,
                            List<String> notifyEmails, List<String> notifyWebhooks, Boolean notifyOnSuccess,
                            Integer fiscalYear) {
    public static final ConfigOptions DEFAULTS = new ConfigOptions(null, null, null, null, null, null, null, null,
            null, null, null);

    public ConfigOptions(String defaultCurrency, Double mappingThreshold, Map<String, String> pins, String sheet,
                         Double errorThreshold, String duplicates, Double deletionGuard, List<String> notifyEmails,
                         List<String> notifyWebhooks, Boolean notifyOnSuccess) {
        this(defaultCurrency, mappingThreshold, pins, sheet, errorThreshold, duplicates, deletionGuard, notifyEmails,
                notifyWebhooks, notifyOnSuccess, null);
    }

    public String currencyOrDefault() {
        return defaultCurrency == null ? "USD" : defaultCurrency;
    }

    public double mappingThresholdOrDefault() {
        return mappingThreshold == null ? 0.7 : mappingThreshold;
    }

    public Map<String, String> pinsOrEmpty() {
        return pins == null ? Map.of() : pins;
    }

    public double errorThresholdOrDefault() {
        return errorThreshold == null ? 0.05 : errorThreshold;
    }

    public boolean sumDuplicates() {
        return duplicates == null || !duplicates.equalsIgnoreCase("error");
    }

    public double deletionGuardOrDefault() {
        return deletionGuard == null ? 0.25 : deletionGuard;
    }

    public List<String> notifyEmailsOrEmpty() {
        return notifyEmails == null ? List.of() : notifyEmails;
    }

    public List<String> notifyWebhooksOrEmpty() {
        return notifyWebhooks == null ? List.of() : notifyWebhooks;
    }

    public ConfigOptions withNotifyWebhooks(List<String> webhooks) {
        return new ConfigOptions(defaultCurrency, mappingThreshold, pins, sheet, errorThreshold, duplicates,
                deletionGuard, notifyEmails, webhooks, notifyOnSuccess, fiscalYear);
    }

    public boolean notifyOnSuccessOrDefault() {
        return notifyOnSuccess != null && notifyOnSuccess;
    }
}
