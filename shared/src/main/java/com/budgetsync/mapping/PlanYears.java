package com.budgetsync.mapping;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plan-year columns numbered from the budget year instead of dated ({@code fy1 … fy4}, {@code Year 1 … Year 3},
 * Italian {@code lb_cp_a1 … a3}): capital plans and multi-year budgets count their years from the fiscal year they are
 * adopted for, which the file states once (name, title row) or the config holds. Year 1 is that fiscal year, year n
 * the (n-1)th after it. Headers count as plan years only as a run 1, 2, … of one stem, so a lone "Year 1" or codes
 * such as "A1", "B2" are not.
 */
public final class PlanYears {
    /** The stem ends in a word for "year" (fy, year, Jahr, año, anno, and their one-letter abbreviations). */
    private static final Pattern NUMBERED = Pattern.compile(
            "^((?:.* )?(?:fy|year|yr|y|outyear|jahr|j|ano|anio|ejercicio|annee|an|anno|a)) (\\d{1,2})$");
    private static final Pattern FISCAL_YEAR = Pattern.compile("FY(\\d{4})");
    private static final int MAX_YEARS = 10;

    private PlanYears() {
    }

    /** The stem and number of a plan-year header ("fy" and 3 for "fy3"), if it reads as one. */
    record Numbered(String stem, int year) {
    }

    static Optional<Numbered> read(String header) {
        Matcher m = NUMBERED.matcher(HeaderNames.normalize(header));
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(2));
        return year >= 1 && year <= MAX_YEARS ? Optional.of(new Numbered(m.group(1), year)) : Optional.empty();
    }

    /** Whether the headers are plan years 1, 2, … n (n ≥ 2, in this order) of one stem. */
    static boolean isRun(List<String> headers) {
        if (headers.size() < 2) {
            return false;
        }
        for (int i = 0; i < headers.size(); i++) {
            Optional<Numbered> n = read(headers.get(i));
            if (n.isEmpty() || n.get().year() != i + 1 || !n.get().stem().equals(read(headers.get(0)).get().stem())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The fiscal year of each plan-year column counted from the stated one ({@code FY2026}: fy1 is FY2026, fy4
     * FY2029); empty when the headers are no run of plan years or the stated period is no fiscal year.
     */
    public static Optional<List<String>> periods(List<String> headers, String statedYear) {
        Matcher m = statedYear == null ? null : FISCAL_YEAR.matcher(statedYear);
        if (m == null || !m.matches() || !isRun(headers)) {
            return Optional.empty();
        }
        int first = Integer.parseInt(m.group(1));
        return Optional.of(headers.stream().map(h -> "FY" + (first + read(h).get().year() - 1)).toList());
    }
}
