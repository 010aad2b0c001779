package com.budgetsync.parsing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Excel cell values as text: numbers as exact decimals the way Excel shows them (15 significant digits, so no
 * {@code 1.0E7} and no binary noise like {@code 0.30000000000000004}), date cells as ISO dates.
 */
final class ExcelValues {
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private ExcelValues() {
    }

    static String number(BigDecimal value) {
        BigDecimal rounded = value.round(EXCEL_PRECISION).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /** NaN and infinities, which a damaged or hand-made workbook can store, read as Excel's #NUM! error. */
    static String number(double value) {
        return Double.isFinite(value) ? number(new BigDecimal(value)) : NOT_A_NUMBER;
    }

    private static final String NOT_A_NUMBER = "#NUM!";

    static boolean isDateFormat(int formatIndex, String formatString) {
        return formatString != null && DateUtil.isADateFormat(formatIndex, formatString);
    }

    /** A serial outside Excel's calendar (negative, or past 9999) is shown as the number it is. */
    static String date(double serial) {
        LocalDateTime dateTime = DateUtil.isValidExcelDate(serial) ? DateUtil.getLocalDateTime(serial) : null;
        if (dateTime == null) {
            return number(serial);
        }
        return dateTime.toLocalTime().toSecondOfDay() == 0 ? dateTime.toLocalDate().toString() : dateTime.toString();
    }
}
