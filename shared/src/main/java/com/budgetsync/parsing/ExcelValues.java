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

    static String number(double value) {
        return number(new BigDecimal(value));
    }

    static boolean isDateFormat(int formatIndex, String formatString) {
        return formatString != null && DateUtil.isADateFormat(formatIndex, formatString);
    }

    static String date(double serial) {
        LocalDateTime dateTime = DateUtil.getLocalDateTime(serial);
        return dateTime.toLocalTime().toSecondOfDay() == 0 ? dateTime.toLocalDate().toString() : dateTime.toString();
    }
}
