package com.budgetsync.api.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpreadsheetSafeTest {
    @Test
    void neutralisesFormulas() {
        assertEquals("'=HYPERLINK(\"http://x\")", SpreadsheetSafe.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+cmd /C calc", SpreadsheetSafe.cell("+cmd /C calc"));
        assertEquals("'@SUM(A1:A9)", SpreadsheetSafe.cell("@SUM(A1:A9)"));
        assertEquals("'-2+3", SpreadsheetSafe.cell("-2+3"));
        assertEquals("'\t=1", SpreadsheetSafe.cell("\t=1"));
    }

    @Test
    void leavesNumbersAndTextAlone() {
        assertEquals("-5", SpreadsheetSafe.cell("-5"));
        assertEquals("+12.50", SpreadsheetSafe.cell("+12.50"));
        assertEquals("Engineering", SpreadsheetSafe.cell("Engineering"));
        assertEquals("", SpreadsheetSafe.cell(""));
    }
}
