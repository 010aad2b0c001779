package com.budgetsync.normalize;

import com.budgetsync.domain.BudgetRow;
import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SkippedRow;
import com.budgetsync.mapping.ColumnMapping;
import com.budgetsync.mapping.FieldMapping;
import com.budgetsync.parsing.DataRow;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one data row into budget rows using a mapping: parses amount, period and currency, skips blank and total
 * rows, and reports a bad value as a row error instead of failing the file.
 */
public final class RowNormalizer {
    private static final Pattern TOTAL = Pattern.compile("(?i)^(grand\\s+)?(sub\\s*)?total\\b.*");

    /** Receives what one row turned into. */
    public interface Sink {
        void budget(BudgetRow row);

        void error(RowError error);

        void skipped(SkippedRow row);
    }

    private final ColumnMapping mapping;
    private final NormalizeOptions options;
    private final FiscalPeriodParser periods;

    public RowNormalizer(ColumnMapping mapping, NormalizeOptions options) {
        this.mapping = mapping;
        this.options = options;
        this.periods = new FiscalPeriodParser(options.fiscalYearStartMonth());
    }

    public void normalize(DataRow row, Sink sink) {
        if (row.isBlank()) {
            sink.skipped(new SkippedRow(row.rowNumber(), "blank row"));
            return;
        }
        String department = value(row, mapping.department());
        if (TOTAL.matcher(department).matches()) {
            sink.skipped(new SkippedRow(row.rowNumber(), "total row '" + department + "'"));
            return;
        }
        if (department.isEmpty()) {
            sink.error(new RowError(row.rowNumber(), mapping.department().column(), "", "department is empty"));
            return;
        }
        String subCategory = mapping.subCategory() == null ? null : emptyToNull(value(row, mapping.subCategory()));
        String periodText = value(row, mapping.fiscalPeriod());
        Optional<FiscalPeriod> period = periods.parse(periodText);
        if (period.isEmpty()) {
            sink.error(new RowError(row.rowNumber(), mapping.fiscalPeriod().column(), periodText,
                    "not a fiscal period (expected e.g. FY 2025, Q1 2025, 2025-01)"));
            return;
        }
        String amountText = value(row, mapping.amount());
        Optional<BigDecimal> amount = AmountParser.parse(amountText);
        if (amount.isEmpty()) {
            sink.error(new RowError(row.rowNumber(), mapping.amount().column(), amountText, "not an amount"));
            return;
        }
        String currency = options.defaultCurrency();
        if (mapping.currency() != null) {
            String currencyText = value(row, mapping.currency());
            if (!currencyText.isEmpty()) {
                Optional<String> code = CurrencyCodes.parse(currencyText);
                if (code.isEmpty()) {
                    sink.error(new RowError(row.rowNumber(), mapping.currency().column(), currencyText,
                            "not an ISO 4217 currency code"));
                    return;
                }
                currency = code.get();
            }
        }
        sink.budget(new BudgetRow(row.rowNumber(), department, subCategory, period.get(), amount.get(), currency));
    }

    private static String value(DataRow row, FieldMapping field) {
        String cell = row.cell(field.index());
        return cell == null ? "" : cell.trim();
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
