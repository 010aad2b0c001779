package com.budgetsync.config;

import java.util.Map;
import java.util.Set;

/**
 * A config as it would be stored, in the shapes the client sends: {@code sourceConfig} after masked secrets were
 * merged with the stored ones, {@code options} as raw JSON values (a wrong type is a violation, not a parse error).
 *
 * @param customerId   whose config it is: messages name the customer's own folders
 * @param frequency    null or blank for the default
 * @param timezone     null or blank for UTC
 * @param keptWebhooks webhook URLs sent back masked that stand for stored ones (checked when they were saved)
 */
public record ConfigDraft(String customerId, String sourceType, String frequency, String timezone,
                          Map<String, Object> sourceConfig, Map<String, Object> options, Set<String> keptWebhooks) {
}
