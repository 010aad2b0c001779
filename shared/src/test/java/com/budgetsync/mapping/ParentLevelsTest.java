package com.budgetsync.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A level above the department that only its header word and the data's hierarchy name (issue 14). */
class ParentLevelsTest {
    private static final List<String> HEADERS = List.of("year", "amount", "topname", "depname", "cat");
    private final ColumnMapper mapper = new ColumnMapper();

    @Test
    void aTopColumnThatEachDepartmentLiesUnderIsTheDepartmentAndTheDepartmentItsSubCategory() {
        MappingResult result = map(HEADERS,
                "2024,100,Presidency,President's Office,General",
                "2024,200,Presidency,Security Council,Defence",
                "2024,300,Presidency,Academia Historica,Culture",
                "2024,400,Executive,Cabinet,General",
                "2024,500,Executive,Interior,General",
                "2024,600,Executive,Finance,General",
                "2024,700,Executive,Interior,General");
        assertEquals("topname", result.mapping().department().column());
        assertTrue(result.mapping().department().reason().contains("each 'depname' lies under one of its 2 values"),
                result.mapping().department().reason());
        assertEquals("depname", result.mapping().subCategory().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aTopColumnThatADepartmentSpansIsNoLevelAboveIt() {
        MappingResult result = map(HEADERS,
                "2024,100,Presidency,President's Office,General",
                "2024,200,Executive,President's Office,Defence",
                "2024,300,Presidency,Academia Historica,Culture",
                "2024,400,Executive,Cabinet,General",
                "2024,500,Executive,Interior,General",
                "2024,600,Executive,Finance,General",
                "2024,700,Executive,Interior,General");
        assertEquals("depname", result.mapping().department().column());
    }

    @Test
    void aCoarserColumnEachDepartmentLiesUnderIsNoLevelWithoutAHeaderThatPlacesItAbove() {
        // A function each department happens to sit in is a dependency too, but no organisation.
        MappingResult result = map(List.of("year", "amount", "cat", "depname", "item"),
                "2024,100,Defence,Army,Pay",
                "2024,200,Defence,Navy,Pay",
                "2024,300,Defence,Army,Fuel",
                "2024,400,Health,Hospitals,Pay",
                "2024,500,Health,Clinics,Drugs",
                "2024,600,Health,Hospitals,Drugs",
                "2024,700,Health,Clinics,Pay");
        assertEquals("depname", result.mapping().department().column());
    }

    @Test
    void aParentAccountIsALevelOfTheAccountsNotOfTheOrganisation() {
        MappingResult result = map(List.of("year", "amount", "parent account", "depname"),
                "2024,100,Staff,President's Office",
                "2024,200,Staff,Security Council",
                "2024,300,Staff,Academia Historica",
                "2024,400,Supplies,Cabinet",
                "2024,500,Supplies,Interior",
                "2024,600,Supplies,Finance",
                "2024,700,Supplies,Interior");
        assertEquals("depname", result.mapping().department().column());
    }

    private MappingResult map(List<String> headers, String... lines) {
        return mapper.map(headers, SampleRows.of(lines), MappingOptions.DEFAULT);
    }
}
