package com.budgetsync.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountParserTest {
    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "500000|500000|",
            "500,000.00|500000.00|",
            "$1,234.50|1234.50|USD",
            "€1.234,50|1234.50|EUR",
            "1 234,50|1234.50|",
            "1\u00A0234,50|1234.50|",
            "1\u2009234,50|1234.50|",
            "1\u202F234,50|1234.50|",
            "1'234.50|1234.50|",
            "(1,000)|-1000|",
            "-1000|-1000|",
            "1000-|-1000|",
            "\u22121000|-1000|",
            "($1,000.00)|-1000.00|USD",
            "1,000 USD|1000|USD",
            "EUR 900|900|EUR",
            "US$ 12|12|USD",
            "£2,500.00|2500.00|GBP",
            "¥150000|150000|JPY",
            "1.234.567|1234567|",
            "1,234,567.89|1234567.89|",
            "0.1|0.1|",
            "+42|42|",
            "1234,5|1234.5|",
            "1,00,000|100000|",
            "12,34,567.50|1234567.50|",
            "-5|-5|",
            "+5|5|"})
    void readsFinanceFormats(String text, String value, String currency) {
        ParsedAmount parsed = AmountParser.parse(text, DecimalMark.UNKNOWN).orElseThrow();
        assertEquals(new BigDecimal(value), parsed.value());
        assertEquals(currency, parsed.currency());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abc", "12abc", "1,2,3.4.5", "1.2.3,4,5", "(100", "N/A", "#DIV/0!", "FY2025",
            "10 apples", "1.0E7x", "1.2.3", "1,2,3", "1.2345.678", "--5", "+-5", "-(5)", "5--", "1+2", "NaN", "-NaN",
            "Infinity", "-Infinity", "inf", "1e5", "1E+20", ",5,000", "1.2.3,45"})
    void rejectsWhatIsNotAnAmount(String text) {
        assertEquals(Optional.empty(), AmountParser.parse(text));
    }

    @Test
    void readsAmbiguousThousandsByTheColumnsDecimalMark() {
        assertEquals(new BigDecimal("1234"), AmountParser.parse("1,234", DecimalMark.DOT).orElseThrow().value());
        assertEquals(new BigDecimal("1.234"), AmountParser.parse("1,234", DecimalMark.COMMA).orElseThrow().value());
        assertEquals(new BigDecimal("1234"), AmountParser.parse("1.234", DecimalMark.COMMA).orElseThrow().value());
        assertEquals(new BigDecimal("1.234"), AmountParser.parse("1.234", DecimalMark.DOT).orElseThrow().value());
        // Without evidence, the US reading.
        assertEquals(new BigDecimal("1234"), AmountParser.parse("1,234").orElseThrow());
    }

    @Test
    void decimalMarkIsWhatTheColumnsUnambiguousValuesAgreeOn() {
        assertEquals(DecimalMark.COMMA, DecimalMark.detect(List.of("1.234", "1.234,50", "950,75")));
        assertEquals(DecimalMark.DOT, DecimalMark.detect(List.of("1,234", "1,234.50", "99.5")));
        assertEquals(DecimalMark.COMMA, DecimalMark.detect(List.of("1.234.567")));
        assertEquals(DecimalMark.UNKNOWN, DecimalMark.detect(List.of("1,234", "500", "abc")));
    }

    @Test
    void amountsBeyondTheBudgetTablesPrecisionDoNotFit() {
        assertTrue(AmountParser.fitsStorage(new BigDecimal("999999999999999.9999")));
        assertTrue(AmountParser.fitsStorage(new BigDecimal("-999999999999999.99994")));
        assertFalse(AmountParser.fitsStorage(new BigDecimal("999999999999999.99995")));
        assertFalse(AmountParser.fitsStorage(new BigDecimal("-1000000000000000")));
        assertFalse(AmountParser.fitsStorage(AmountParser.parse("1" + "0".repeat(400)).orElseThrow()));
    }

    @Test
    void keepsEveryDigitOfLargeAmounts() {
        BigDecimal parsed = AmountParser.parse("123,456,789,012,345.67").orElseThrow();
        assertEquals("123456789012345.67", parsed.toPlainString());
        assertTrue(parsed.scale() == 2);
    }
}
