package com.budgetsync.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.domain.PeriodType;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FiscalPeriodParserTest {
    private final FiscalPeriodParser calendar = new FiscalPeriodParser(1);
    private final FiscalPeriodParser july = new FiscalPeriodParser(7);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "FY 2025, FY2025", "FY25, FY2025", "2025, FY2025", "fy2025, FY2025", "Fiscal Year 2025, FY2025",
            "FY2024-25, FY2025", "2024/2025, FY2025", "FY 24/25, FY2025",
            "Q1 2025, FY2025-Q1", "2025-Q1, FY2025-Q1", "Q1 FY25, FY2025-Q1", "FY25 Q1, FY2025-Q1", "2025Q3, FY2025-Q3",
            "Q4'25, FY2025-Q4", "Qtr 2 2025, FY2025-Q2", "FY2025-Q2, FY2025-Q2",
            "January 2025, 2025-01", "Jan-25, 2025-01", "Jan 2025, 2025-01", "2025-01, 2025-01", "01/2025, 2025-01",
            "1/2025, 2025-01", "2025-01-01, 2025-01", "2025-03-15, 2025-03", "1/31/2025, 2025-01",
            "31/01/2025, 2025-01", "Sept 2025, 2025-09", "2025.JAN, 2025-01", "2025M12, 2025-12", "DEC-2024, 2024-12"})
    void readsLabelsAsCanonicalPeriods(String text, String canonical) {
        FiscalPeriod period = calendar.parse(text).orElseThrow();
        assertEquals(canonical, period.canonical());
        assertEquals(text, period.original());
    }

    @ParameterizedTest(name = "{0} under a July start → {1}")
    @CsvSource({"P01 FY2025, 2024-07", "FY25 Per. 6, 2024-12", "Period 7 2025, 2025-01", "2025 P12, 2025-06"})
    void erpPeriodNumbersCountFromTheFiscalYearStart(String text, String canonical) {
        assertEquals(canonical, july.parse(text).orElseThrow().canonical());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"令和6年度, FY2024", "令和元年度, FY2019", "平成30年度, FY2018", "R6年度, FY2024", "平成30年, FY2018",
            "2024年度, FY2024", "2025년, FY2025", "2025年1月, 2025-01", "2025년 12월, 2025-12", "2do Trimestre 2025, FY2025-Q2",
            "4to trimestre 2025, FY2025-Q4"})
    void readsJapaneseEraYearsAndCjkYearMarkers(String text, String canonical) {
        assertEquals(canonical, calendar.parse(text).orElseThrow().canonical());
    }

    @Test
    void yearAndMonthRunTogetherAreAMonthAndSixDigitCodesAreNot() {
        assertEquals("2022-05", calendar.parse("202205").orElseThrow().canonical());
        assertEquals(Optional.empty(), calendar.parse("610100"), "an account code");
        assertEquals(Optional.empty(), calendar.parse("202213"), "no 13th month");
        assertEquals(Optional.empty(), calendar.parse("FY 202205"));
    }

    @Test
    void aBareLetterAndNumberIsACodeNotAnEraYear() {
        assertEquals(Optional.empty(), calendar.parse("R6"));
        assertEquals(Optional.empty(), calendar.parse("H2"));
    }

    @Test
    void specialPeriodsBeyondTwelveAreNoMonths() {
        assertEquals(Optional.empty(), july.parse("P13 FY2025"));
        assertEquals(Optional.empty(), july.parse("M123456789012"));
        assertEquals(Optional.empty(), july.parse("FY2025 M001"), "M001 is a programme code");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"Januar 2025, 2025-01", "März 2025, 2025-03", "enero 2025, 2025-01", "janv. 2025, 2025-01",
            "février 2025, 2025-02", "dezembro 2024, 2024-12", "gennaio 2025, 2025-01", "mei 2025, 2025-05",
            "1. Quartal 2025, FY2025-Q1", "T1 2025, FY2025-Q1", "1er trimestre 2025, FY2025-Q1", "3T 2025, FY2025-Q3",
            "2014-01-01T00:00:00, 2014-01", "2025-03-01 00:00, 2025-03"})
    void readsMonthsAndQuartersOfOtherLanguagesAndDateTimes(String text, String canonical) {
        assertEquals(canonical, calendar.parse(text).orElseThrow().canonical());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Engineering", "25", "500000", "2025.5", "Q5 2025", "2025-13", "FY", "Q1",
            "Total FY25", "Jan", "Engineering 2025", "12345", "1899", "2101"})
    void rejectsWhatIsNotAPeriod(String text) {
        assertEquals(Optional.empty(), calendar.parse(text));
    }

    @Test
    void yearsOfHistoricalBudgetSeriesAreYears() {
        assertEquals("FY1976", calendar.parse("1976").orElseThrow().canonical());
        assertEquals("FY1900", calendar.parse("FY1900").orElseThrow().canonical());
    }

    @Test
    void calendarFiscalYearIsTheCalendarYear() {
        FiscalPeriod fy = calendar.parse("FY 2025").orElseThrow();
        assertEquals(PeriodType.YEAR, fy.type());
        assertEquals(LocalDate.of(2025, 1, 1), fy.start());
        assertEquals(LocalDate.of(2025, 12, 31), fy.end());
    }

    @Test
    void julyFiscalYearIsNamedAfterTheYearItEndsIn() {
        FiscalPeriod fy = july.parse("FY2025").orElseThrow();
        assertEquals(LocalDate.of(2024, 7, 1), fy.start());
        assertEquals(LocalDate.of(2025, 6, 30), fy.end());
    }

    @Test
    void julyFiscalQuartersStartInJuly() {
        FiscalPeriod q1 = july.parse("Q1 FY25").orElseThrow();
        assertEquals("FY2025-Q1", q1.canonical());
        assertEquals(LocalDate.of(2024, 7, 1), q1.start());
        assertEquals(LocalDate.of(2024, 9, 30), q1.end());
        FiscalPeriod q4 = july.parse("FY25 Q4").orElseThrow();
        assertEquals(LocalDate.of(2025, 4, 1), q4.start());
        assertEquals(LocalDate.of(2025, 6, 30), q4.end());
    }

    @Test
    void monthsAreCalendarMonthsUnlessNamedWithinAFiscalYear() {
        FiscalPeriod jan = july.parse("Jan-25").orElseThrow();
        assertEquals("2025-01", jan.canonical());
        assertEquals(LocalDate.of(2025, 1, 31), jan.end());
        assertEquals("2024-07", july.parse("Jul FY25").orElseThrow().canonical());
        assertEquals("2025-01", july.parse("Jan FY25").orElseThrow().canonical());
    }

    @Test
    void splitFiscalYearWithAprilStart() {
        FiscalPeriod fy = new FiscalPeriodParser(4).parse("FY2024-25").orElseThrow();
        assertEquals("FY2025", fy.canonical());
        assertEquals(LocalDate.of(2024, 4, 1), fy.start());
        assertEquals(LocalDate.of(2025, 3, 31), fy.end());
    }

    @Test
    void rejectsAnImpossibleStartMonth() {
        assertThrows(IllegalArgumentException.class, () -> new FiscalPeriodParser(13));
    }
}
