package com.budgetsync.normalize;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TotalRowsTest {
    @ParameterizedTest
    @ValueSource(strings = {"Total", "TOTAL", "Totals", "Grand Total", "Grand total:", "Subtotal Engineering",
            "Sub-total Sales", "Sub Total", "Engineering Total", "Total:", "Total for Sales", "  grand TOTAL  ",
            "Dépenses totales Total"})
    void recognisesTotals(String label) {
        assertTrue(TotalRows.isTotal(label));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Total Rewards", "Engineering", "Totally Legit Ltd", "", "Tot"})
    void leavesRealLabelsAlone(String label) {
        assertFalse(TotalRows.isTotal(label));
    }
}
