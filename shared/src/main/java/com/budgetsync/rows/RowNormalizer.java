package com.budgetsync.rows;

import com.budgetsync.domain.BudgetRow;
import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SkippedRow;
import com.budgetsync.mapping.ColumnMapping;
import com.budgetsync.mapping.FieldMapping;
import com.budgetsync.mapping.Layout;
import com.budgetsync.mapping.PeriodText;
import com.budgetsync.mapping.PlanYears;
import com.budgetsync.normalize.AmountParser;
import com.budgetsync.normalize.CurrenciesInUse;
import com.budgetsync.normalize.CurrencyCodes;
import com.budgetsync.normalize.DecimalMark;
import com.budgetsync.normalize.FiscalPeriodParser;
import com.budgetsync.normalize.NormalizeOptions;
import com.budgetsync.normalize.ParsedAmount;
import com.budgetsync.normalize.TotalRows;
import com.budgetsync.parsing.DataRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one data row into budget rows using a mapping: parses amount, period and currency, skips blank and total
 * rows, and reports a bad value as a row error instead of failing the file. A wide row (a column per period) becomes
 * one budget row per period that holds an amount; when the period headers are months or quarters without a year
 * ("Jan"), the row's year column completes them.
 */
public final class RowNormalizer {
    private static final int PERIOD_CACHE_LIMIT = 10_000;
    private static final String PERIOD_EXAMPLES = "expected e.g. FY 2025, Q1 2025, Jan-25, 2025-01";

    /** Receives what one row turned into. */
    public interface Sink {
        void budget(BudgetRow row);

        void error(RowError error);

        void skipped(SkippedRow row);
    }

    private final ColumnMapping mapping;
    private final FieldMapping period;
    private final FiscalPeriodParser periods;
    private final DecimalMark decimalMark;
    private final String defaultCurrency;
    // A file holds few distinct period labels: parse each once, not once per row.
    private final Map<String, Optional<FiscalPeriod>> periodCache = new HashMap<>();
    /** The period part of each wide column's header ("FY2019" of "FY2019 Adopted"). */
    private final List<String> widePeriods;
    /** The fiscal year of each numbered plan-year column (fy1 … fy4), counted from the stated year; else null. */
    private final List<String> planYears;

    public RowNormalizer(ColumnMapping mapping, NormalizeOptions options) {
        this.mapping = mapping;
        this.period = mapping.fiscalPeriod();
        this.periods = new FiscalPeriodParser(options.fiscalYearStartMonth());
        this.decimalMark = mapping.decimalMarkOrUnknown();
        this.defaultCurrency = CurrencyCodes.parse(options.defaultCurrency()).orElse("USD");
        this.planYears = mapping.layout() == Layout.WIDE ? PlanYears.periods(period.columns(), period.fixed())
                .orElse(null) : null;
        this.widePeriods = mapping.layout() != Layout.WIDE ? List.of()
                : planYears != null ? planYears : period.columns().stream().map(PeriodText::periodOf).toList();
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
        // A period split over a year and a month column reads as "FY25 Jan".
        String periodText = period.isWide()
                ? String.join(" ", period.indexes().stream().map(i -> row.cell(i).strip()).toList()).strip()
                : period.index() == null && period.fixed() != null ? period.fixed() : value(row, period);
        Optional<FiscalPeriod> parsed = parsePeriod(periodText);
        if (parsed.isEmpty()) {
            String column = period.isWide() ? String.join(" + ", period.columns()) : period.column();
            sink.error(new RowError(row.rowNumber(), column, periodText, periodText.isEmpty()
                    ? "fiscal period is empty" : "not a fiscal period (" + PERIOD_EXAMPLES + ")"));
            return;
        }
        String amountText = value(row, mapping.amount());
        if (amountText.isEmpty()) {
            sink.error(new RowError(row.rowNumber(), mapping.amount().column(), "", "amount is empty"));
            return;
        }
        emit(line, parsed.get(), mapping.amount().column(), amountText, sink);
    }

    private void normalizeWide(DataRow row, Line line, Sink sink) {
        String year = period.index() != null ? row.cell(period.index()).strip() + " "
                : period.fixed() != null && planYears == null ? period.fixed() + " " : "";
        boolean any = false;
        for (int i = 0; i < period.columns().size(); i++) {
            String header = period.columns().get(i);
            String amountText = row.cell(period.indexes().get(i)).strip();
            if (amountText.isEmpty()) {
                continue;
            }
            any = true;
            Optional<FiscalPeriod> parsed = parsePeriod(year + widePeriods.get(i));
            if (parsed.isEmpty()) {
                sink.error(new RowError(row.rowNumber(), period.column(), year.strip(),
                        "not a fiscal year for the period column '" + header + "' (" + PERIOD_EXAMPLES + ")"));
                return;
            }
            emit(line, parsed.get(), header, amountText, sink);
        }
        if (!any) {
            sink.skipped(new SkippedRow(row.rowNumber(), "no amount in any period column"));
        }
    }

    private Optional<FiscalPeriod> parsePeriod(String text) {
        return periodCache.size() < PERIOD_CACHE_LIMIT
                ? periodCache.computeIfAbsent(text, periods::parse) : periods.parse(text);
    }

    private void emit(Line line, FiscalPeriod period, String column, String amountText, Sink sink) {
        Optional<ParsedAmount> amount = AmountParser.parse(amountText, decimalMark);
        if (amount.isEmpty()) {
            sink.error(new RowError(line.sourceRow, column, amountText,
                    "not an amount (expected e.g. 500000, 1,234.50, (1,000), €1.234,50)"));
            return;
        }
        if (!AmountParser.fitsStorage(amount.get().value())) {
            sink.error(new RowError(line.sourceRow, column, amountText,
                    "too large for an amount (at most 15 digits before the decimal mark)"));
            return;
        }
        String inAmount = amount.get().currency();
        if (line.currency.isEmpty() && inAmount != null && !CurrenciesInUse.CODES.contains(inAmount)) {
            sink.error(new RowError(line.sourceRow, column, amountText, CurrenciesInUse.notInUse(inAmount)));
            return;
        }
        String currency = line.currency.or(() -> Optional.ofNullable(inAmount)).orElse(defaultCurrency);
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
        if (!CurrenciesInUse.CODES.contains(code.get())) {
            sink.error(new RowError(row.rowNumber(), mapping.currency().column(), text,
                    CurrenciesInUse.notInUse(code.get())));
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

    private record Line(long sourceRow, String department, String subCategory, Optional<String> currency) {
    }
}
