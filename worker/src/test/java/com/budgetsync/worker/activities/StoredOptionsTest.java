package com.budgetsync.worker.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SourceType;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run reads its config's options first: one it cannot read fails the run, not retried, instead of a default. */
class StoredOptionsTest {
    private static DataSourceConfig config(ConfigOptions options) {
        return new DataSourceConfig(12, "acme", "export", SourceType.UPLOAD, true, "manual", "UTC", Map.of(), options,
                null, null, null, null, null);
    }

    @Test
    void unreadableOptionsFailTheRunAtOnceNamingEachOne() {
        ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> StoredOptions.requireReadable(
                config(new ConfigOptions("EURO", null, Map.of("Budget", "budget"), null, 5.0, "summ", null, null,
                        null, null))));
        assertTrue(failure.isNonRetryable());
        assertEquals(BadInput.TYPE, failure.getType());
        assertEquals("config 12 has options this run cannot read, so nothing was imported:"
                + " options.defaultCurrency \"EURO\" is not an ISO 4217 currency code;"
                + " options.errorThreshold 5.0 must be a fraction from 0 to 1;"
                + " options.duplicates \"summ\" must be sum or error;"
                + " options.pins.Budget: unknown field 'budget'; allowed: department, fiscalPeriod, amount,"
                + " subCategory, currency. Fix them with PUT /api/sync/config/12", failure.getOriginalMessage());
    }

    @Test
    void readableOptionsAndDefaultsPass() {
        StoredOptions.requireReadable(config(ConfigOptions.DEFAULTS));
        StoredOptions.requireReadable(config(new ConfigOptions("EUR", 0.0, Map.of("Budget", "amount"), null, 1.0,
                "error", 0.0, null, null, null)));
    }
}
