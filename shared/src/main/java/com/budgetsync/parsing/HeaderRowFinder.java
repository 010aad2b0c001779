package com.budgetsync.parsing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Finds the header among the first rows of a sheet or text file: a row about as wide as the table that holds labels,
 * not numbers. Title rows, report banners and blank rows above it are narrower; data rows below it hold amounts. A
 * year ("2025") counts as a label, since wide exports have a column per year.
 */
final class HeaderRowFinder {
    static final int HEAD_ROWS = 50;
    private static final double UPPER_QUARTILE = 0.75;
    private static final Pattern NUMBER = Pattern.compile("[-+(]?\\s*[$€£¥]?\\s*[0-9][0-9.,'\\s\u00A0\u2009\u202F]*"
            + "([eE][-+]?[0-9]{1,3})?\\s*[$€£¥]?\\)?%?");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

    private HeaderRowFinder() {
    }

    /**
     * The header row among {@code head}, if any row looks like one: among the label rows above the first row of
     * values, the fullest, and of equally full ones the last (a banner split over cells, or a grouping row above the
     * real header, comes first). In a table without numbers, the first label row.
     */
    static Optional<DataRow> find(List<DataRow> head) {
        return labelRow(head).filter(h -> hasDataBelow(head, head.indexOf(h)));
    }

    /** Whether the head is a header and nothing under it: a table of no rows, not a file without a table. */
    static boolean headerWithoutRows(List<DataRow> head) {
        return labelRow(head).filter(h -> labelsOnly(h) && head.subList(head.indexOf(h) + 1, head.size()).stream()
                .allMatch(DataRow::isBlank)).isPresent();
    }

    private static Optional<DataRow> labelRow(List<DataRow> head) {
        int width = typicalWidth(head);
        int needed = Math.max(2, (int) Math.ceil(width * 0.6));
        List<DataRow> wide = head.stream().filter(r -> filled(r) >= needed).toList();
        int firstValues = IntStream.range(0, wide.size()).filter(i -> !labelsOnly(wide.get(i))).findFirst().orElse(-1);
        if (firstValues < 0) {
            return wide.stream().findFirst();
        }
        DataRow values = wide.get(firstValues);
        List<DataRow> labels = wide.subList(0, firstValues);
        List<DataRow> notData = labels.stream().filter(r -> r == labels.get(0) || !sameShapes(r, values)).toList();
        return notData.stream().reduce((a, b) -> filled(b) >= filled(a) ? b : a);
    }

    /**
     * Whether a row of labels is a data row whose amount is not a plain number (empty, "n/a", "1e308"): one of its
     * cells with digits has the same shape as the first row of values in that column ("2025-01" above "2025-02",
     * "FY2025" above "FY2025"). A header's words have no digits in the columns where data has dates or codes, and a
     * period in a wide header ("2025") sits above amounts, not above other periods.
     */
    private static boolean sameShapes(DataRow row, DataRow values) {
        for (int i = 0; i < Math.min(row.cells().size(), values.cells().size()); i++) {
            String a = row.cells().get(i);
            String b = values.cells().get(i);
            if (a != null && b != null && DIGIT.matcher(a).find() && shape(a).equals(shape(b))) {
                return true;
            }
        }
        return false;
    }

    /** Digits, letters and the rest each collapsed to one symbol per run: "2025-01" and "1999-12" are "9-9". */
    private static String shape(String cell) {
        return LETTERS.matcher(DIGITS.matcher(cell.strip()).replaceAll("9")).replaceAll("a");
    }

    /**
     * How wide the table's rows are: the upper quartile of the non-blank rows' widths, not the widest row, so a small
     * side table beside some rows (a summary in columns L:N) does not make the real header look narrow.
     */
    private static int typicalWidth(List<DataRow> head) {
        int[] widths = head.stream().mapToInt(HeaderRowFinder::filled).filter(w -> w > 0).sorted().toArray();
        return widths.length == 0 ? 0 : widths[(int) (UPPER_QUARTILE * (widths.length - 1))];
    }

    /** How many rows below the header hold a number: what tells a budget sheet from an instructions sheet. */
    static int numericRowsBelow(List<DataRow> head, DataRow header) {
        int index = head.indexOf(header);
        return (int) head.subList(index + 1, head.size()).stream()
                .filter(r -> r.cells().stream().anyMatch(HeaderRowFinder::isNumber)).count();
    }

    private static boolean hasDataBelow(List<DataRow> head, int index) {
        return head.subList(index + 1, head.size()).stream().anyMatch(r -> filled(r) >= 2);
    }

    private static int filled(DataRow row) {
        return (int) row.cells().stream().filter(c -> c != null && !c.isBlank()).count();
    }

    private static boolean labelsOnly(DataRow row) {
        return row.cells().stream().filter(c -> c != null && !c.isBlank())
                .noneMatch(c -> isNumber(c) && !YEAR.matcher(c.trim()).matches());
    }

    static boolean isNumber(String cell) {
        return cell != null && NUMBER.matcher(cell.trim()).matches();
    }
}
