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
    void everyFieldHasFortyOrMoreTerms() {
        for (TargetField field : TargetField.values()) {
            assertTrue(Lexicon.of(field).weights().size() >= 40, field + " has " + Lexicon.of(field).weights().size()
                    + " terms");
        }
    }

    @Test
    void lettersOfEveryScriptStay() {
        assertEquals("бюджет 2025", HeaderNames.normalize("Бюджет_2025"));
        assertEquals("예산액", HeaderNames.normalize("예산액"));
        assertEquals("预算 金额", HeaderNames.normalize("预算(金额)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Haushaltsansatz", "Presupuesto aprobado", "Montant", "Dotação inicial", "Stanziamento", "Begroting",
            "Бюджетные ассигнования", "תקציב", "الميزانية", "예산액", "预算金额", "予算額"})
    void amountTermsOfManyLanguagesNameTheAmount(String header) {
        assertTrue(HeaderMatch.of(TargetField.AMOUNT, header).score() >= 0.8,
                header + ": " + HeaderMatch.of(TargetField.AMOUNT, header));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Ejecutado", "Liquidado", "Ist", "Réalisé", "Impegnato", "Исполнено", "ביצוע", "집행액", "org_code"})
    void actualsAndCodesAreNotTheAmount(String header) {
        assertEquals(0.2, HeaderMatch.of(TargetField.AMOUNT, header).score(), header);
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
