package com.budgetsync.api.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Money in answers is an exact JSON number: compared as decimals, never as doubles. */
final class Decimals {
    private Decimals() {
    }

    static void assertDecimal(String expected, JsonNode value) {
        assertTrue(value != null && (value.isBigDecimal() || value.isIntegralNumber()), "an exact JSON number: " + value);
        assertEquals(0, new BigDecimal(expected).compareTo(value.decimalValue()), expected + " vs " + value);
    }
}
