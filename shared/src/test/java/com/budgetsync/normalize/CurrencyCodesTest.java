package com.budgetsync.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CurrencyCodesTest {
    @Test
    void acceptsIsoCodesInAnyCase() {
        assertEquals(Optional.of("EUR"), CurrencyCodes.parse(" eur "));
        assertEquals(Optional.empty(), CurrencyCodes.parse("XYZ"));
        assertEquals(Optional.empty(), CurrencyCodes.parse("dollars"));
    }
}
