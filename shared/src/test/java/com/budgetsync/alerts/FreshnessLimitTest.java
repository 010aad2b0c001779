package com.budgetsync.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.budgetsync.domain.AlertOptions;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a config's data is stale: twice its schedule's longest gap, at least 8 hours, or what it sets. */
class FreshnessLimitTest {
    @Test
    void twiceTheLongestGapBetweenScheduledRunsAndAtLeastEightHours() {
        assertEquals(Optional.of(Duration.ofHours(8)), FreshnessLimit.of(config("hourly", SourceType.SFTP, null)));
        assertEquals(Optional.of(Duration.ofHours(8)), FreshnessLimit.of(config("every_4_hours", SourceType.S3, null)));
        assertEquals(Optional.of(Duration.ofHours(48)), FreshnessLimit.of(config("daily", SourceType.SFTP, null)));
        assertEquals(Optional.of(Duration.ofHours(144)), FreshnessLimit.of(config("0 6 * * 1-5", SourceType.SFTP,
                null)), "Friday 06:00 to Monday 06:00 is the longest gap of a weekday schedule");
    }

    @Test
    void aConfigsOwnLimitWinsAndConfigsWithoutAScheduleHaveNoneUnlessTheySetOne() {
        assertEquals(Optional.of(Duration.ofMinutes(90)), FreshnessLimit.of(config("daily", SourceType.SFTP, 1.5)));
        assertEquals(Optional.empty(), FreshnessLimit.of(config("manual", SourceType.SFTP, null)));
        assertEquals(Optional.empty(), FreshnessLimit.of(config("manual", SourceType.UPLOAD, null)));
        assertEquals(Optional.of(Duration.ofHours(30)), FreshnessLimit.of(config("manual", SourceType.UPLOAD, 30.0)));
    }

    private static DataSourceConfig config(String frequency, SourceType type, Double staleAfterHours) {
        ConfigOptions options = new ConfigOptions(null, null, null, null, null, null, null, null, null, null, null,
                new AlertOptions(staleAfterHours, null, null, null, null, null, null, null));
        return new DataSourceConfig(1, "acme", "Main", type, true, frequency, "UTC", Map.of(), options, null, null,
                null, Instant.EPOCH, Instant.EPOCH);
    }
}
