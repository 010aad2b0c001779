package com.budgetsync.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
    @Test
    void aHashMatchesItsPasswordOnlyAndNeverHoldsIt() {
        String password = PasswordHash.generate();
        String stored = PasswordHash.hash(password);
        assertTrue(PasswordHash.matches(password, stored));
        assertFalse(PasswordHash.matches(password + "!", stored));
        assertFalse(stored.contains(password));
        assertNotEquals(stored, PasswordHash.hash(password), "salted: the same password hashes differently");
        assertFalse(PasswordHash.matches(password, null));
        assertFalse(PasswordHash.matches(password, "plain-text"));
    }
}
