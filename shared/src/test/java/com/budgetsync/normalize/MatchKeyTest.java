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
    void differentWordsStayDifferent() {
        assertNotEquals(MatchKey.of("Sales"), MatchKey.of("Sales 2"));
        assertNotEquals(MatchKey.of("Field Marketing"), MatchKey.of("FieldMarketing"));
    }
}
