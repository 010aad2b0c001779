package com.budgetsync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a run reads from stored options: defaults only for options left out, never for values it cannot read. */
class ConfigOptionsTest {
    private static ConfigOptions options(String currency, String duplicates, Double errorThreshold) {
        return new ConfigOptions(currency, null, null, null, errorThreshold, duplicates, null, null, null, null);
    }

    @Test
    void leftOutOptionsTakeTheirDefaults() {
        assertEquals("USD", ConfigOptions.DEFAULTS.currencyOrDefault());
        assertTrue(ConfigOptions.DEFAULTS.sumDuplicates());
        assertEquals(0.05, ConfigOptions.DEFAULTS.errorThresholdOrDefault());
        assertEquals(0.25, ConfigOptions.DEFAULTS.deletionGuardOrDefault());
        assertEquals(0.7, ConfigOptions.DEFAULTS.mappingThresholdOrDefault());
    }

    @Test
    void storedValuesReadAsBeforeValidationExisted() {
        assertEquals("EUR", options("eur", null, null).currencyOrDefault());
        assertFalse(options(null, "ERROR", null).sumDuplicates());
        assertTrue(options(null, "Sum", null).sumDuplicates());
    }

    @Test
    void unreadableValuesAreRefusedNotGuessed() {
        assertEquals("options.defaultCurrency \"EURO\" is not an ISO 4217 currency code",
                assertThrows(IllegalArgumentException.class, () -> options("EURO", null, null).currencyOrDefault())
                        .getMessage());
        assertEquals("options.duplicates \"summ\" must be sum or error",
                assertThrows(IllegalArgumentException.class, () -> options(null, "summ", null).sumDuplicates())
                        .getMessage());
        assertEquals("options.errorThreshold 5.0 must be a fraction from 0 to 1",
                assertThrows(IllegalArgumentException.class, () -> options(null, null, 5.0).errorThresholdOrDefault())
                        .getMessage());
    }
}
