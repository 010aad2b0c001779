package com.budgetsync.db;

/**
 * A config id that does not name a config of the customer asking: another customer's config reads as missing, so a
 * customer never learns that it exists. The API answers 404, a command or a run reports the message.
 */
public final class ConfigNotFoundException extends IllegalArgumentException {
    public ConfigNotFoundException(String customerId, long configId) {
        super("config " + configId + " of customer " + customerId + " not found");
    }
}
