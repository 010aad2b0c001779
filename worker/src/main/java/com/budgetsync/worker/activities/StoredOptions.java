package com.budgetsync.worker.activities;

import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.rows.MappingSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * A run reads every option of its config before it maps or imports anything: an option it cannot read fails the run
 * at once (non-retryable) with what is wrong, instead of importing with a default it guessed.
 */
final class StoredOptions {
    private StoredOptions() {
    }

    /** @throws io.temporal.failure.ApplicationFailure ({@link BadInput}) naming each unreadable option */
    static void requireReadable(DataSourceConfig config) {
        List<String> problems = new ArrayList<>();
        List<Runnable> reads = List.of(
                () -> config.options().currencyOrDefault(),
                () -> config.options().mappingThresholdOrDefault(),
                () -> config.options().errorThresholdOrDefault(),
                () -> config.options().deletionGuardOrDefault(),
                () -> config.options().sumDuplicates(),
                () -> MappingSettings.options(config.options()));
        for (Runnable read : reads) {
            try {
                read.run();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw BadInput.of("config " + config.id() + " has options this run cannot read, so nothing was imported: "
                    + String.join("; ", problems) + ". Fix them with PUT /api/sync/config/" + config.id());
        }
    }
}
