package com.budgetsync.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderNamesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"Budget_Amount", "budgetAmount", "BUDGET-AMOUNT", "' Budget Amount '", "Budget  Amount ($)"})
    void caseSeparatorsAndPunctuationDoNotMatter(String header) {
        assertEquals("budget amount", HeaderNames.normalize(header));
    }

    @Test
    void accentsAreDropped() {
        assertEquals("societe periode", HeaderNames.normalize("Société Période"));
    }

    @Test
    void everyFieldHasFortyOrMoreSynonyms() {
        Synonyms.BY_FIELD.forEach((field, words) ->
                assertTrue(words.size() >= 40, field + " has " + words.size() + " synonyms"));
    }

    @Test
    void headersNamingOtherMeasuresScoreLowForAmount() {
        assertEquals(0.2, HeaderMatch.of(TargetField.AMOUNT, "Actual Amount").score());
        assertEquals(0.2, HeaderMatch.of(TargetField.DEPARTMENT, "Notes").score());
        assertEquals(1.0, HeaderMatch.of(TargetField.AMOUNT, "Budget").score());
        assertTrue(HeaderMatch.of(TargetField.FISCAL_PERIOD, "Fiscal Perod").score() > 0.9);
        assertEquals(0.0, HeaderMatch.of(TargetField.CURRENCY, "Department").score());
    }
}
