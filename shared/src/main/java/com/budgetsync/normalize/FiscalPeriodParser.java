package com.budgetsync.normalize;

import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.domain.PeriodType;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads fiscal periods the way FP&A tools label them and gives them canonical names and dates under the customer's
 * fiscal-year start month. A fiscal year is named after the calendar year it ends in: with a July start FY2025 runs
 * 2024-07-01..2025-06-30.
 * <ul>
 * <li>Years: {@code FY 2025}, {@code FY25}, {@code 2025}, {@code Fiscal Year 2025}; a split year {@code FY2024-25} /
 * {@code 2024/2025} names the fiscal year it ends in, FY2025.</li>
 * <li>Quarters: {@code Q1 2025}, {@code 2025-Q1}, {@code Q1 FY25}, {@code FY25 Q1}: always fiscal quarters of the named
 * fiscal year (FP&A tools number quarters within the fiscal year; with a January start they are calendar quarters).</li>
 * <li>Months: {@code January 2025}, {@code Jan-25}, {@code Jan 2025}, {@code 2025-01}, {@code 01/2025}, dates such as
 * {@code 2025-01-01} (Excel date cells), {@code 2025.JAN} (SAP BPC), {@code 2025M1} (OneStream) → the calendar month.
 * {@code 202505} (year and month run together, alone in the cell) → May 2025.
 * {@code P01 2025}, {@code FY25 Per. 3}, {@code Period 12 2025} (ERP period numbers) → that month of the fiscal year.
 * {@code Jan FY25} is January within FY2025.</li>
 * <li>Japanese era years: {@code 令和6年度}, {@code R6年度}, {@code 平成30年}, {@code 令和元年度}; CJK year markers
 * {@code 2024年度}, {@code 2024년}, and months {@code 2025年1月}, {@code 2025년 1월}.</li>
 * </ul>
 */
public final class FiscalPeriodParser {
    private static final Map<String, Integer> MONTHS = months();
    /** The time of an ISO date-time ("2014-01-01T00:00:00", "2025-03-01 00:00"): the date is what counts. */
    private static final Pattern ISO_TIME = Pattern.compile(
            "(?<=^\\d{4}-\\d{2}-\\d{2})[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    /** FY, and the fiscal-year words of German (GJ, HJ), French, Spanish, Portuguese, Italian and Dutch exports. */
    private static final Set<String> FISCAL_WORDS = Set.of("FY", "FISCAL", "GJ", "HJ", "WJ", "EXERCICE", "EJERCICIO",
            "EXERCICIO", "ESERCIZIO", "BOEKJAAR");
    /** Q1, QTR 1, and T1 / 1T (trimestre), K1 (kwartaal). */
    private static final Set<String> QUARTER_PREFIXES = Set.of("Q", "QTR", "QUARTER", "T", "K");
    private static final Set<String> QUARTER_WORDS = Set.of("QUARTER", "QUARTAL", "TRIMESTRE", "KWARTAAL", "Q", "T",
            "QTR");
    /** P01, Per. 3, Period 12: the n-th month of the fiscal year, as ERP exports number them. */
    private static final Set<String> PERIOD_PREFIXES = Set.of("P", "PER", "PERIOD", "PERIODE", "PERIODO");
    /**
     * Japanese era names and the year before each era's first year: 令和6年度 is 2024, 平成30年度 2018. The short forms
     * (R6, H30) stand only with a year marker (R6年度): bare, they are codes in most files.
     */
    private static final Map<String, Integer> ERAS = Map.of("令和", 2018, "平成", 1988, "REIWA", 2018, "HEISEI", 1988,
            "R", 2018, "H", 1988);
    private static final Set<String> SHORT_ERAS = Set.of("R", "H");
    /** Year markers written after the number in Japanese, Chinese and Korean (2024年度, 2024년). */
    private static final Set<String> YEAR_MARKERS = Set.of("年", "年度", "년", "년도");
    private static final Set<String> ORDINALS = Set.of("ST", "ND", "RD", "TH", "ER", "E", "EME", "O", "º", "ª", "DO",
            "TO", "RO");
    /** Month markers written after the number in Chinese, Japanese and Korean (2025年1月, 1월). */
    private static final Set<String> MONTH_MARKERS = Set.of("月", "월");

    private final int fiscalYearStartMonth;

    public FiscalPeriodParser(int fiscalYearStartMonth) {
        if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
            throw new IllegalArgumentException("fiscal year start month must be 1..12, was " + fiscalYearStartMonth);
        }
        this.fiscalYearStartMonth = fiscalYearStartMonth;
    }

    public Optional<FiscalPeriod> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Tokens t = Tokens.of(trimmed.indexOf(':') > 0 ? ISO_TIME.matcher(trimmed).replaceFirst("") : trimmed);
        if (t == null) {
            return Optional.empty();
        }
        String original = text.trim();
        List<String> n = t.numbers;
        if (t.quarter > 0) {
            return n.size() == 1 ? year(n.get(0), true).map(y -> quarter(y, t.quarter, original)) : Optional.empty();
        }
        if (t.month > 0) {
            int calendarMonth = t.fiscalMonth ? (fiscalYearStartMonth - 1 + t.month - 1) % 12 + 1 : t.month;
            return n.size() == 1 ? year(n.get(0), true).map(y -> t.fiscal || t.fiscalMonth
                    ? fiscalMonth(y, calendarMonth, original)
                    : month(YearMonth.of(y, calendarMonth), original)) : Optional.empty();
        }
        return switch (n.size()) {
            case 1 -> n.get(0).length() == 6 ? yearMonth(n.get(0), original)
                    : year(n.get(0), t.fiscal).map(y -> year(y, original));
            case 2 -> twoNumbers(n.get(0), n.get(1), t.fiscal, original);
            case 3 -> t.fiscal ? Optional.empty() : date(n, original);
            default -> Optional.empty();
        };
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

    /** Month {@code month} of fiscal year {@code fiscalYear}: months from the start month on belong to the year before. */
    private FiscalPeriod fiscalMonth(int fiscalYear, int month, String original) {
        int year = fiscalYearStartMonth != 1 && month >= fiscalYearStartMonth ? fiscalYear - 1 : fiscalYear;
        return month(YearMonth.of(year, month), original);
    }

    /** {@code 202505}: year and month run together, as ERP period columns hold them. */
    private static Optional<FiscalPeriod> yearMonth(String digits, String original) {
        int year = Integer.parseInt(digits.substring(0, 4));
        int month = Integer.parseInt(digits.substring(4));
        return plausibleYear(year) && month >= 1 && month <= 12
                ? Optional.of(month(YearMonth.of(year, month), original)) : Optional.empty();
    }

    /** {@code 2025-01}, {@code 01/2025}, or a split fiscal year {@code 2024-25}. */
    private Optional<FiscalPeriod> twoNumbers(String a, String b, boolean fiscal, String original) {
        if (a.length() == 4 && b.length() <= 2 && !fiscal && isMonth(b) && !isNextYear(a, b)) {
            return Optional.of(month(YearMonth.of(Integer.parseInt(a), Integer.parseInt(b)), original));
        }
        if (b.length() == 4 && a.length() <= 2 && !fiscal && isMonth(a)) {
            return Optional.of(month(YearMonth.of(Integer.parseInt(b), Integer.parseInt(a)), original));
        }
        if (isNextYear(a, b) && (a.length() == 4 || fiscal)) {
            return year(b, true).map(y -> year(y, original));
        }
        return Optional.empty();
    }

    /** A date as {@code 2025-01-31} or {@code 1/31/2025} / {@code 31/01/2025}: the month it falls in. */
    private static Optional<FiscalPeriod> date(List<String> n, String original) {
        int year;
        int month;
        int day;
        if (n.get(0).length() == 4) {
            year = Integer.parseInt(n.get(0));
            month = Integer.parseInt(n.get(1));
            day = Integer.parseInt(n.get(2));
        } else if (n.get(2).length() == 4) {
            year = Integer.parseInt(n.get(2));
            int first = Integer.parseInt(n.get(0));
            int second = Integer.parseInt(n.get(1));
            month = first > 12 ? second : first;
            day = first > 12 ? first : second;
        } else {
            return Optional.empty();
        }
        if (month < 1 || month > 12 || day < 1 || day > 31 || !plausibleYear(year)) {
            return Optional.empty();
        }
        return Optional.of(month(YearMonth.of(year, month), original));
    }

    private static Optional<Integer> year(String digits, boolean twoDigitsAllowed) {
        if (digits.length() == 4) {
            int year = Integer.parseInt(digits);
            return plausibleYear(year) ? Optional.of(year) : Optional.empty();
        }
        return digits.length() == 2 && twoDigitsAllowed ? Optional.of(2000 + Integer.parseInt(digits)) : Optional.empty();
    }

    /** Historical budget series (budget authority by agency since the 1970s) are budgets too. */
    private static boolean plausibleYear(int year) {
        return year >= 1900 && year <= 2100;
    }

    private static boolean isMonth(String digits) {
        int month = Integer.parseInt(digits);
        return month >= 1 && month <= 12;
    }

    private static boolean isNextYear(String a, String b) {
        int first = Integer.parseInt(a) % 100;
        int second = Integer.parseInt(b) % 100;
        return (b.length() == 2 || b.length() == 4) && second == (first + 1) % 100;
    }

    private LocalDate fiscalYearStart(int fiscalYear) {
        int startYear = fiscalYearStartMonth == 1 ? fiscalYear : fiscalYear - 1;
        return LocalDate.of(startYear, fiscalYearStartMonth, 1);
    }

    /**
     * Month names and their usual abbreviations in English, German, French, Spanish, Portuguese, Italian and Dutch,
     * upper case without accents ("März" is MARZ, "févr." is FEVR).
     */
    private static Map<String, Integer> months() {
        Map<String, Integer> months = new HashMap<>();
        for (int m = 1; m <= 12; m++) {
            String name = Month.of(m).name();
            months.put(name, m);
            months.put(name.substring(0, 3), m);
        }
        String[] names = {
            "SEPT JANUAR FEBRUAR MARZ MAERZ MRZ JUNI JULI OKTOBER OKT DEZEMBER DEZ",
            "JANVIER JANV FEVRIER FEVR FEV MARS AVRIL AVR MAI JUIN JUILLET JUIL AOUT SEPTEMBRE OCTOBRE NOVEMBRE DECEMBRE",
            "ENERO ENE FEBRERO MARZO ABRIL ABR MAYO JUNIO JULIO AGOSTO AGO SEPTIEMBRE SETIEMBRE OCTUBRE NOVIEMBRE"
                    + " DICIEMBRE DIC",
            "JANEIRO FEVEREIRO MARCO ABRIL MAIO JUNHO JULHO SETEMBRO SET OUTUBRO OUT NOVEMBRO DEZEMBRO",
            "GENNAIO GEN FEBBRAIO MARZO APRILE MAGGIO MAG GIUGNO GIU LUGLIO LUG SETTEMBRE OTTOBRE OTT DICEMBRE",
            "JANUARI FEBRUARI MAART MRT MEI AUGUSTUS"};
        int[][] numbers = {
            {9, 1, 2, 3, 3, 3, 6, 7, 10, 10, 12, 12},
            {1, 1, 2, 2, 2, 3, 4, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12},
            {1, 1, 2, 3, 4, 4, 5, 6, 7, 8, 8, 9, 9, 10, 11, 12, 12},
            {1, 2, 3, 4, 5, 6, 7, 9, 9, 10, 10, 11, 12},
            {1, 1, 2, 3, 4, 5, 5, 6, 6, 7, 7, 9, 10, 10, 12},
            {1, 2, 3, 3, 5, 8}};
        for (int line = 0; line < names.length; line++) {
            String[] words = names[line].split(" ");
            for (int i = 0; i < words.length; i++) {
                months.putIfAbsent(words[i], numbers[line][i]);
            }
        }
        return Map.copyOf(months);
    }

    /**
     * A label split into words and digit runs: FY/fiscal-year markers, a quarter, a month name, and the numbers.
     * Null when it holds anything else (so "2025.5" or "Engineering 2025" are not periods).
     */
    private record Tokens(boolean fiscal, int quarter, int month, boolean fiscalMonth, List<String> numbers) {
        static Tokens of(String text) {
            boolean fiscal = false;
            int quarter = 0;
            int month = 0;
            boolean fiscalMonth = false;
            List<String> numbers = new ArrayList<>();
            boolean pendingQuarter = false;
            List<String> parts = split(withoutAccents(text).toUpperCase(Locale.ROOT));
            if (parts == null) {
                return null;
            }
            for (int i = 0; i < parts.size(); i++) {
                String p = parts.get(i);
                boolean nextIsDigit = i + 1 < parts.size() && Character.isDigit(parts.get(i + 1).charAt(0));
                boolean afterQuarterNumber = pendingQuarter;
                pendingQuarter = false;
                if (FISCAL_WORDS.contains(p) || p.equals("YEAR") && fiscal) {
                    fiscal = true;
                } else if (ORDINALS.contains(p) && afterQuarterNumber) {
                    pendingQuarter = true;
                } else if (QUARTER_WORDS.contains(p) && afterQuarterNumber && quarter == 0) {
                    // "1. Quartal 2025", "1er trimestre 2025", "1T 2025": the number stands before the word.
                    quarter = Integer.parseInt(numbers.remove(numbers.size() - 1));
                } else if (QUARTER_PREFIXES.contains(p) && nextIsDigit && quarter == 0) {
                    quarter = Integer.parseInt(parts.get(++i));
                    if (quarter < 1 || quarter > 4) {
                        return null;
                    }
                } else if (MONTHS.containsKey(p) && month == 0) {
                    month = MONTHS.get(p);
                } else if ((p.equals("M") || PERIOD_PREFIXES.contains(p)) && nextIsDigit && month == 0) {
                    fiscalMonth = !p.equals("M");
                    // M1, P01: one or two digits; "M001" and "P002" are programme codes.
                    String number = parts.get(++i);
                    month = number.length() <= 2 ? Integer.parseInt(number) : 0;
                    if (month < 1 || month > 12) {
                        return null;
                    }
                } else if (ERAS.containsKey(p) && nextIsDigit && parts.get(i + 1).length() <= 2
                        && (!SHORT_ERAS.contains(p) || i + 2 < parts.size() && YEAR_MARKERS.contains(parts.get(i + 2)))) {
                    numbers.add(String.valueOf(ERAS.get(p) + Integer.parseInt(parts.get(++i))));
                } else if (p.length() > 2 && ERAS.containsKey(p.substring(0, 2)) && p.startsWith("元", 2)) {
                    // 令和元年度: the era's first year, written with 元 instead of 1.
                    numbers.add(String.valueOf(ERAS.get(p.substring(0, 2)) + 1));
                    if (!YEAR_MARKERS.contains(p.substring(3)) && !p.substring(3).isEmpty()) {
                        return null;
                    }
                } else if (MONTH_MARKERS.contains(p) && !numbers.isEmpty() && month == 0
                        && numbers.get(numbers.size() - 1).length() <= 2) {
                    month = Integer.parseInt(numbers.remove(numbers.size() - 1));
                    if (month < 1 || month > 12) {
                        return null;
                    }
                } else if (YEAR_MARKERS.contains(p) && !numbers.isEmpty()) {
                    fiscal = fiscal || p.endsWith("度");
                } else if (Character.isDigit(p.charAt(0)) && (p.length() == 4 || p.length() <= 2
                        || p.length() == 6 && parts.size() == 1)) {
                    numbers.add(p);
                    pendingQuarter = p.matches("0?[1-4]");
                } else {
                    return null;
                }
            }
            return quarter > 0 && month > 0 ? null : new Tokens(fiscal, quarter, month, fiscalMonth, numbers);
        }

        private static String withoutAccents(String text) {
            return text.chars().allMatch(c -> c < 128) ? text
                    // Composed again: Hangul syllables (년) decompose into letters, not marks.
                    : Normalizer.normalize(MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll(""),
                            Normalizer.Form.NFC);
        }

        /**
         * Runs of letters and of digits; separators are spaces, '-', '/', '_', apostrophes, and '.' next to a word
         * ({@code 2025.JAN} in SAP BPC) but not between digits, where it is a decimal point.
         */
        private static List<String> split(String s) {
            boolean dotSeparates = s.chars().anyMatch(Character::isLetter);
            List<String> parts = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                int start = i;
                if (Character.isLetter(c)) {
                    while (i < s.length() && Character.isLetter(s.charAt(i))) {
                        i++;
                    }
                    parts.add(s.substring(start, i));
                } else if (Character.isDigit(c)) {
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                    parts.add(s.substring(start, i));
                } else if (c == ' ' || c == '-' || c == '/' || c == '_' || c == '\'' || c == '’' || c == '\u2013'
                        || c == '.' && dotSeparates) {
                    i++;
                } else {
                    return null;
                }
            }
            return parts.isEmpty() ? null : parts;
        }
    }
}
