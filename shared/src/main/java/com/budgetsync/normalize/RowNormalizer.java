package com.budgetsync.normalize;

import com.budgetsync.domain.BudgetRow;
import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SkippedRow;
import com.budgetsync.mapping.ColumnMapping;
import com.budgetsync.mapping.FieldMapping;
import com.budgetsync.mapping.Layout;
import com.budgetsync.parsing.DataRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one data row into budget rows using a mapping: parses amount, period and currency, skips blank and total
 * rows, and reports a bad value as a row error instead of failing the file. A wide row (a column per period) becomes
 * one budget row per period that holds an amount.
 */
public final class RowNormalizer {
    private static final int PERIOD_CACHE_LIMIT = 10_000;

    /** Receives what one row turned into. */
    public interface Sink {
        void budget(BudgetRow row);

        void error(RowError error);

        void skipped(SkippedRow row);
    }

    private final ColumnMapping mapping;
    private final FiscalPeriodParser periods;
    private final DecimalMark decimalMark;
    private final String defaultCurrency;
    private final List<PeriodColumn> periodColumns = new ArrayList<>();
    // A file holds few distinct period labels: parse each once, not once per row.
    private final Map<String, Optional<FiscalPeriod>> periodCache = new HashMap<>();

    public RowNormalizer(ColumnMapping mapping, NormalizeOptions options) {
        this.mapping = mapping;
        this.periods = new FiscalPeriodParser(options.fiscalYearStartMonth());
        this.decimalMark = mapping.decimalMarkOrUnknown();
        this.defaultCurrency = CurrencyCodes.parse(options.defaultCurrency()).orElse("USD");
        if (mapping.layout() == Layout.WIDE) {
            FieldMapping wide = mapping.fiscalPeriod();
            for (int i = 0; i < wide.columns().size(); i++) {
                String header = wide.columns().get(i);
                int index = wide.indexes().get(i);
                periods.parse(header).ifPresent(p -> periodColumns.add(new PeriodColumn(header, index, p)));
            }
        }
    }

    public void normalize(DataRow row, Sink sink) {
        if (row.isBlank()) {
            sink.skipped(new SkippedRow(row.rowNumber(), "blank row"));
            return;
        }
        String department = value(row, mapping.department());
        String subCategory = value(row, mapping.subCategory());
        String totalLabel = TotalRows.isTotal(department) ? department
                : TotalRows.isTotal(subCategory) ? subCategory
                : TotalRows.isTotal(row.cell(0).strip()) ? row.cell(0).strip() : null;
        if (totalLabel != null) {
            sink.skipped(new SkippedRow(row.rowNumber(), "total row '" + totalLabel + "'"));
            return;
        }
        if (department.isEmpty()) {
            sink.error(new RowError(row.rowNumber(), mapping.department().column(), "", "department is empty"));
            return;
        }
        Optional<String> currencyColumn = currencyColumn(row, sink);
        if (currencyColumn == null) {
            return;
        }
        Line line = new Line(row.rowNumber(), department, subCategory.isEmpty() ? null : subCategory, currencyColumn);
        if (mapping.layout() == Layout.WIDE) {
            normalizeWide(row, line, sink);
        } else {
            normalizeLong(row, line, sink);
        }
    }

    private void normalizeLong(DataRow row, Line line, Sink sink) {
        FieldMapping periodField = mapping.fiscalPeriod();
        // A period split over a year and a month column reads as "FY25 Jan".
        String periodText = periodField.isWide()
                ? String.join(" ", periodField.indexes().stream().map(i -> row.cell(i).strip()).toList()).strip()
                : value(row, periodField);
        Optional<FiscalPeriod> period = periodCache.size() < PERIOD_CACHE_LIMIT
                ? periodCache.computeIfAbsent(periodText, periods::parse) : periods.parse(periodText);
        if (period.isEmpty()) {
            String column = periodField.isWide() ? String.join(" + ", periodField.columns()) : periodField.column();
            sink.error(new RowError(row.rowNumber(), column, periodText, periodText.isEmpty()
                    ? "fiscal period is empty"
                    : "not a fiscal period (expected e.g. FY 2025, Q1 2025, Jan-25, 2025-01)"));
            return;
        }
        String amountText = value(row, mapping.amount());
        if (amountText.isEmpty()) {
            sink.error(new RowError(row.rowNumber(), mapping.amount().column(), "", "amount is empty"));
            return;
        }
        emit(line, period.get(), mapping.amount().column(), amountText, sink);
    }

    private void normalizeWide(DataRow row, Line line, Sink sink) {
        boolean any = false;
        for (PeriodColumn column : periodColumns) {
            String amountText = row.cell(column.index).strip();
            if (!amountText.isEmpty()) {
                any = true;
                emit(line, column.period, column.header, amountText, sink);
            }
        }
        if (!any) {
            sink.skipped(new SkippedRow(row.rowNumber(), "no amount in any period column"));
        }
    }

    private void emit(Line line, FiscalPeriod period, String column, String amountText, Sink sink) {
        Optional<ParsedAmount> amount = AmountParser.parse(amountText, decimalMark);
        if (amount.isEmpty()) {
            sink.error(new RowError(line.sourceRow, column, amountText,
                    "not an amount (expected e.g. 500000, 1,234.50, (1,000), €1.234,50)"));
            return;
        }
        String currency = line.currency.or(() -> Optional.ofNullable(amount.get().currency())).orElse(defaultCurrency);
        sink.budget(new BudgetRow(line.sourceRow, line.department, line.subCategory, period, amount.get().value(),
                currency));
    }

    /** The row's currency column value: empty when there is none or it is blank, null after reporting a bad code. */
    private Optional<String> currencyColumn(DataRow row, Sink sink) {
        String text = value(row, mapping.currency());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> code = CurrencyCodes.parse(text);
        if (code.isEmpty()) {
            sink.error(new RowError(row.rowNumber(), mapping.currency().column(), text, "not an ISO 4217 currency code"));
            return null;
        }
        return code;
    }

    private static String value(DataRow row, FieldMapping field) {
        if (field == null || field.index() == null) {
            return "";
        }
        String cell = row.cell(field.index());
        return cell == null ? "" : cell.strip();
    }

    private record PeriodColumn(String header, int index, FiscalPeriod period) {
    }

    private record Line(long sourceRow, String department, String subCategory, Optional<String> currency) {
    }
}
