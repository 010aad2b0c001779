package com.budgetsync.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderDriftTest {
    private static final List<String> OLD = List.of("Dept", "Period", "Budget", "Notes");

    @Test
    void sameHeadersUpToCaseAndPunctuationHaveNoDriftAndTheSameSignature() {
        List<String> again = List.of("DEPT", "period", "Budget ", "notes");
        assertEquals(List.of(), HeaderDrift.between(OLD, again));
        assertEquals(HeaderSignature.of(OLD), HeaderSignature.of(again));
    }

    @Test
    void reportsAddedRemovedAndRenamedColumns() {
        List<String> changes = HeaderDrift.between(OLD, List.of("Department", "Period", "Budget", "Region"));
        assertEquals(List.of("column 'Dept' renamed to 'Department'", "column 'Notes' renamed to 'Region'"), changes);
        assertEquals(List.of("column 'Notes' removed", "column 'Region' added"),
                HeaderDrift.between(OLD, List.of("Region", "Dept", "Period", "Budget")).subList(0, 2));
    }

    @Test
    void reportsReordering() {
        assertEquals(List.of("columns reordered"), HeaderDrift.between(OLD, List.of("Period", "Dept", "Budget", "Notes")));
    }

    @Test
    void aChangedHeaderChangesTheSignature() {
        assertNotEquals(HeaderSignature.of(OLD), HeaderSignature.of(List.of("Dept", "Period", "Budget")));
        assertEquals(27, HeaderSignature.of(OLD).length());
    }
}
