package com.budgetsync.normalize;

import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.domain.PeriodType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First version: fiscal years ({@code FY 2025}, {@code FY25}, {@code 2025}), quarters ({@code Q1 2025},
 * {@code 2025-Q1}) and months ({@code 2025-01}). A fiscal year is named after the calendar year it ends in, so with
 * a July start FY2025 runs 2024-07-01..2025-06-30.
 */
public final class FiscalPeriodParser {
    private static final Pattern YEAR = Pattern.compile("(?i)^(?:FY\\s*)?(\\d{4}|\\d{2})$");
    private static final Pattern QUARTER = Pattern.compile("(?i)^Q([1-4])\\s*(?:FY)?\\s*(\\d{4}|\\d{2})$");
    private static final Pattern YEAR_QUARTER = Pattern.compile("(?i)^(?:FY)?(\\d{4})\\s*-?\\s*Q([1-4])$");
    private static final Pattern YEAR_MONTH = Pattern.compile("^(\\d{4})-(\\d{1,2})$");

    private final int fiscalYearStartMonth;

    public FiscalPeriodParser(int fiscalYearStartMonth) {
        this.fiscalYearStartMonth = fiscalYearStartMonth;
    }

    public Optional<FiscalPeriod> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.trim();
        Matcher m;
        if ((m = YEAR.matcher(s)).matches() && (s.length() != 2)) {
            return Optional.of(year(fullYear(m.group(1)), s));
        }
        if ((m = QUARTER.matcher(s)).matches()) {
            return Optional.of(quarter(fullYear(m.group(2)), Integer.parseInt(m.group(1)), s));
        }
        if ((m = YEAR_QUARTER.matcher(s)).matches()) {
            return Optional.of(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), s));
        }
        if ((m = YEAR_MONTH.matcher(s)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return Optional.of(month(YearMonth.of(Integer.parseInt(m.group(1)), month), s));
            }
        }
        return Optional.empty();
    }

    public FiscalPeriod year(int fiscalYear, String original) {
        LocalDate start = fiscalYearStart(fiscalYear);
        return new FiscalPeriod("FY" + fiscalYear, PeriodType.YEAR, start, start.plusYears(1).minusDays(1), original);
    }

    public FiscalPeriod quarter(int fiscalYear, int quarter, String original) {
        LocalDate start = fiscalYearStart(fiscalYear).plusMonths(3L * (quarter - 1));
        return new FiscalPeriod("FY" + fiscalYear + "-Q" + quarter, PeriodType.QUARTER, start,
                start.plusMonths(3).minusDays(1), original);
    }

    public static FiscalPeriod month(YearMonth month, String original) {
        return new FiscalPeriod(month.toString(), PeriodType.MONTH, month.atDay(1), month.atEndOfMonth(), original);
    }

    private LocalDate fiscalYearStart(int fiscalYear) {
        int startYear = fiscalYearStartMonth == 1 ? fiscalYear : fiscalYear - 1;
        return LocalDate.of(startYear, fiscalYearStartMonth, 1);
    }

    private static int fullYear(String digits) {
        int value = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + value : value;
    }
}
