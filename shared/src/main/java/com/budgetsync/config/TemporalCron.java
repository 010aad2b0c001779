package com.budgetsync.config;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * 5-field cron as both Temporal servers run it. The Java test server parses with cron-utils' UNIX definition, which
 * also takes day-of-week 7; a real cluster (robfig/cron) refuses 7. So the dialect accepted at save time is UNIX with
 * day-of-week 0–6 (SUN–SAT; names such as {@code MON-FRI} allowed), which both read the same way.
 */
final class TemporalCron {
    private static final CronDefinition DIALECT = CronDefinitionBuilder.defineCron()
            .withMinutes().withStrictRange().and()
            .withHours().withStrictRange().and()
            .withDayOfMonth().withStrictRange().and()
            .withMonth().withStrictRange().and()
            .withDayOfWeek().withValidRange(0, 6).withMondayDoWValue(1).withStrictRange().and()
            .matchDayOfWeekAndDayOfMonth()
            .instance();
    private static final CronParser PARSER = new CronParser(DIALECT);

    private TemporalCron() {
    }

    /** Why Temporal would not run {@code cron}, or empty when it would. */
    static Optional<String> problem(String cron) {
        Cron parsed;
        try {
            parsed = PARSER.parse(cron).validate();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage().replace("Failed to parse cron expression. ", ""));
        }
        boolean fires = ExecutionTime.forCron(parsed).nextExecution(ZonedDateTime.now(ZoneOffset.UTC)).isPresent();
        return fires ? Optional.empty() : Optional.of("It never fires");
    }
}
