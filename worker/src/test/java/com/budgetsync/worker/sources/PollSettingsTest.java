package com.budgetsync.worker.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollSettingsTest {
    @Test
    void defaultsAreSixtySecondsTwoSecondsKeepAndTwoHundredMegabytes() {
        PollSettings settings = PollSettings.of(Map.of());
        assertEquals(Duration.ofSeconds(60), settings.settle());
        assertEquals(Duration.ofSeconds(2), settings.settleCheck());
        assertEquals(PollSettings.AfterImport.KEEP, settings.afterImport());
        assertEquals(200L * 1024 * 1024, settings.maxFileBytes());
        assertEquals(true, settings.isWanted("Budget.XLSX"));
    }

    @Test
    void valuesFromJsonAsNumbersOrTextAreAccepted() {
        PollSettings settings = PollSettings.of(Map.of("settleSeconds", "120", "maxFileBytes", 1024,
                "afterImport", "Archive", "requireMarker", "true"));
        assertEquals(Duration.ofSeconds(120), settings.settle());
        assertEquals(1024, settings.maxFileBytes());
        assertEquals(PollSettings.AfterImport.ARCHIVE, settings.afterImport());
        assertEquals(true, settings.requireMarker());
    }

    @Test
    void wrongValuesNameTheKeyToFix() {
        assertEquals("sourceConfig.afterImport must be keep, archive or delete, not 'move'",
                assertThrows(IllegalArgumentException.class,
                        () -> PollSettings.of(Map.of("afterImport", "move"))).getMessage());
        assertEquals("sourceConfig.settleSeconds must be a whole number >= 0, not '-5'",
                assertThrows(IllegalArgumentException.class,
                        () -> PollSettings.of(Map.of("settleSeconds", -5))).getMessage());
    }
}
