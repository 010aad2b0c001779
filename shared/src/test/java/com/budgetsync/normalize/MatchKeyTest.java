package com.budgetsync.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class MatchKeyTest {
    @Test
    void namesAsPeopleTypeThemShareAKey() {
        assertEquals("field marketing", MatchKey.of("  Field \t Marketing "));
        assertEquals(MatchKey.of("R&D Europe"), MatchKey.of("r&d  EUROPE"));
        assertEquals("", MatchKey.of(null));
        assertEquals("", MatchKey.of("   "));
    }

    @Test
    void everyKindOfWhitespaceIsFolded() {
        for (String name : new String[] {"Sales", "a b", "a  b", "a\tb", "a \nb", "a\u000Bb", "a\fb", "a\rb", " a",
                "a ", "\u2003a", "a\u2003b", "a\u2003", "x", " ", "ÉQUIPE Nord", "a\u001Cb"}) {
            assertEquals(name.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT), MatchKey.of(name),
                    name);
        }
    }

    @Test
    void differentWordsStayDifferent() {
        assertNotEquals(MatchKey.of("Sales"), MatchKey.of("Sales 2"));
        assertNotEquals(MatchKey.of("Field Marketing"), MatchKey.of("FieldMarketing"));
    }
}
