package com.budgetsync.worker.importing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyHashesTest {
    @Test
    void distinctKeysStayUniqueThroughGrowth() {
        KeyHashes keys = new KeyHashes();
        for (int i = 0; i < 100_000; i++) {
            keys.add(KeyHashes.hash("Dept " + i / 100, "Sub " + i % 100, "2025-01"));
        }
        keys.add(KeyHashes.hash("ab", "c", "FY2025"));
        keys.add(KeyHashes.hash("a", "bc", "FY2025"));
        assertTrue(keys.unique());
    }

    @Test
    void aRepeatedKeyIsNoticed() {
        KeyHashes keys = new KeyHashes();
        keys.add(KeyHashes.hash("Sales", "", "FY2025"));
        keys.add(KeyHashes.hash("Marketing", "", "FY2025"));
        keys.add(KeyHashes.hash("Sales", "", "FY2025"));
        assertFalse(keys.unique());
    }
}
