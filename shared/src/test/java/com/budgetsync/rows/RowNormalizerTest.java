package com.budgetsync.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.domain.BudgetRow;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SkippedRow;
import com.budgetsync.mapping.ColumnMapping;
import com.budgetsync.mapping.FieldMapping;
import com.budgetsync.mapping.Layout;
import com.budgetsync.normalize.NormalizeOptions;
import com.budgetsync.parsing.DataRow;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowNormalizerTest {
    private static final ColumnMapping LONG = new ColumnMapping(Layout.LONG, field("Department", 0), field("Period", 2),
            field("Amount", 3), field("Category", 1), field("Currency", 4));
    private static final ColumnMapping NO_CURRENCY_COLUMN = new ColumnMapping(Layout.LONG, field("Department", 0),
            field("Period", 2), field("Amount", 3), field("Category", 1), null);

    @Test
    void normalisesALongRow() {
        CollectingSink sink = normalize(LONG, NormalizeOptions.DEFAULT, "Engineering", "Software", "FY 2025", "500,000.00", "usd");
        BudgetRow row = sink.rows().get(0);
        assertEquals(2, row.sourceRow());
        assertEquals("Engineering", row.department());
        assertEquals("Software", row.subCategory());
        assertEquals("FY2025", row.period().canonical());
        assertEquals(new BigDecimal("500000.00"), row.amount());
        assertEquals("USD", row.currency());
    }

    @Test
    void anUnparseableAmountIsARowErrorNamingRowColumnAndValue() {
        CollectingSink sink = normalize(LONG, NormalizeOptions.DEFAULT, "Engineering", "Software", "FY 2025", "lots", "USD");
        assertEquals(List.of(), sink.rows());
        RowError error = sink.errors().get(0);
        assertEquals(2, error.row());
        assertEquals("Amount", error.column());
        assertEquals("lots", error.value());
    }

    /** numeric(19,4) holds 15 digits before the mark: a larger value would fail the whole run's database write. */
    @Test
    void anAmountTooLargeToStoreIsARowError() {
        CollectingSink sink = normalize(LONG, NormalizeOptions.DEFAULT, "Engineering", "Software", "FY 2025",
                "1,000,000,000,000,000", "USD");
        assertEquals(List.of(), sink.rows());
        assertEquals("too large for an amount (at most 15 digits before the decimal mark)",
                sink.errors().get(0).message());
        assertEquals("Amount", sink.errors().get(0).column());
    }

    @Test
    void malformedNumbersAreRowErrorsNeverAmounts() {
        for (String text : List.of("1.2.3", "--5", "NaN", "Infinity", "-Infinity")) {
            CollectingSink sink = normalize(LONG, NormalizeOptions.DEFAULT, "Engineering", "Software", "FY 2025",
                    text, "USD");
            assertEquals(List.of(), sink.rows(), text);
            assertEquals(text, sink.errors().get(0).value());
        }
    }

    @Test
    void anUnknownCurrencyCodeIsARowError() {
        CollectingSink sink = normalize(LONG, NormalizeOptions.DEFAULT, "Engineering", "Software", "FY 2025", "1", "EURO");
        assertEquals("not an ISO 4217 currency code", sink.errors().get(0).message());
        assertEquals("Currency", sink.errors().get(0).column());
    }

    /** XXX ("no currency"), XTS (testing), XAU (gold), DEM (withdrawn) are ISO codes nobody budgets in. */
    @Test
    void codesThatAreNoCurrencyInUseAreRowErrors() {
        for (String code : List.of("XXX", "xts", "XAU", "DEM")) {
            CollectingSink sink = normalize(LONG, NormalizeOptions.DEFAULT, "Engineering", "Software", "FY 2025", "1",
                    code);
            assertEquals(List.of(), sink.rows(), code);
            assertTrue(sink.errors().get(0).message().startsWith(code.toUpperCase(java.util.Locale.ROOT)
                    + " is not a currency in use"), sink.errors().get(0).message());
            assertEquals("Currency", sink.errors().get(0).column());
        }
        CollectingSink inTheAmount = normalize(LONG, NormalizeOptions.DEFAULT, "Engineering", "Software", "FY 2025",
                "XXX 100", "");
        assertEquals(List.of(), inTheAmount.rows());
        assertEquals("Amount", inTheAmount.errors().get(0).column());
        assertTrue(inTheAmount.errors().get(0).message().startsWith("XXX is not a currency in use"),
                inTheAmount.errors().get(0).message());
    }

    @Test
    void anUnreadablePeriodIsARowError() {
        CollectingSink sink = normalize(LONG, NormalizeOptions.DEFAULT, "Engineering", "Software", "next year", "1", "USD");
        assertEquals("next year", sink.errors().get(0).value());
    }

    @Test
    void theAmountsSymbolFillsTheCurrencyWhenNoColumnDoes() {
        CollectingSink sink = normalize(NO_CURRENCY_COLUMN, new NormalizeOptions(1, "CAD"), "Sales", "Travel", "Q1 2025", "€1.234,50");
        assertEquals("EUR", sink.rows().get(0).currency());
        assertEquals(new BigDecimal("1234.50"), sink.rows().get(0).amount());
    }

    @Test
    void theConfiguredCurrencyIsTheDefault() {
        CollectingSink sink = normalize(NO_CURRENCY_COLUMN, new NormalizeOptions(1, "CAD"), "Sales", "Travel", "Q1 2025", "10");
        assertEquals("CAD", sink.rows().get(0).currency());
        sink = normalize(NO_CURRENCY_COLUMN, new NormalizeOptions(1, null), "Sales", "Travel", "Q1 2025", "10");
        assertEquals("USD", sink.rows().get(0).currency());
    }

    @Test
    void totalAndBlankRowsAreSkippedAndReported() {
        RowNormalizer normalizer = new RowNormalizer(LONG, NormalizeOptions.DEFAULT);
        CollectingSink sink = new CollectingSink();
        normalizer.normalize(new DataRow(5, List.of("Grand Total", "", "FY2025", "1000", "USD")), sink);
        normalizer.normalize(new DataRow(6, List.of("", "", "", "", "")), sink);
        normalizer.normalize(new DataRow(7, List.of("Engineering", "Subtotal", "FY2025", "10", "USD")), sink);
        assertEquals(List.of(new SkippedRow(5, "total row 'Grand Total'"), new SkippedRow(6, "blank row"),
                new SkippedRow(7, "total row 'Subtotal'")), sink.skipped());
        assertEquals(List.of(), sink.rows());
    }

    @Test
    void aWideRowBecomesOneBudgetRowPerPeriodWithAnAmount() {
        ColumnMapping wide = new ColumnMapping(Layout.WIDE, field("Department", 0),
                FieldMapping.wide(List.of("Jan-25", "Feb-25", "Mar-25"), List.of(2, 3, 4), 1.0, "wide"),
                FieldMapping.wide(List.of("Jan-25", "Feb-25", "Mar-25"), List.of(2, 3, 4), 1.0, "wide"),
                field("Category", 1), null);
        CollectingSink sink = normalize(wide, NormalizeOptions.DEFAULT, "Engineering", "Salaries", "100", "", "x");
        assertEquals(1, sink.rows().size());
        assertEquals("2025-01", sink.rows().get(0).period().canonical());
        assertEquals("Mar-25", sink.errors().get(0).column());
        assertEquals("x", sink.errors().get(0).value());
    }

    @Test
    void monthHeadersTakeTheirYearFromTheRow() {
        FieldMapping months = new FieldMapping("Fiscal Year", 1, List.of("Jul", "Jan"), List.of(2, 3), 1.0, "wide", List.of());
        ColumnMapping wide = new ColumnMapping(Layout.WIDE, field("Department", 0), months,
                FieldMapping.wide(List.of("Jul", "Jan"), List.of(2, 3), 1.0, "wide"), null, null);
        CollectingSink sink = normalize(wide, new NormalizeOptions(7, "USD"), "Engineering", "FY25", "1", "2");
        assertEquals(List.of("2024-07", "2025-01"), sink.rows().stream().map(r -> r.period().canonical()).toList());
        sink = normalize(wide, NormalizeOptions.DEFAULT, "Engineering", "soon", "1", "2");
        assertEquals(new RowError(2, "Fiscal Year", "soon",
                "not a fiscal year for the period column 'Jul' (expected e.g. FY 2025, Q1 2025, Jan-25, 2025-01)"),
                sink.errors().get(0));
    }

    @Test
    void aWideRowWithoutAmountsIsSkipped() {
        ColumnMapping wide = new ColumnMapping(Layout.WIDE, field("Department", 0),
                FieldMapping.wide(List.of("FY2024", "FY2025"), List.of(1, 2), 1.0, "wide"),
                FieldMapping.wide(List.of("FY2024", "FY2025"), List.of(1, 2), 1.0, "wide"), null, null);
        CollectingSink sink = normalize(wide, NormalizeOptions.DEFAULT, "Engineering", "", "");
        assertEquals("no amount in any period column", sink.skipped().get(0).reason());
    }

    private static CollectingSink normalize(ColumnMapping mapping, NormalizeOptions options, String... cells) {
        CollectingSink sink = new CollectingSink();
        new RowNormalizer(mapping, options).normalize(new DataRow(2, List.of(cells)), sink);
        return sink;
    }

    private static FieldMapping field(String column, int index) {
        return FieldMapping.single(column, index, 1.0, "test", List.of());
    }
}
