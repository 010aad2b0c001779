package com.budgetsync.alerts;

import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.Frequency;
import com.budgetsync.domain.SourceType;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * How old a config's last successful import may get before its data is stale: {@code options.alerts.staleAfterHours},
 * else twice the longest gap between its scheduled runs and at least 8 hours (the specification's freshness alert).
 * A config without a schedule (manual, upload) has no limit unless it sets one: nothing says when its data is due.
 */
public final class FreshnessLimit {
    public static final Duration AT_LEAST = Duration.ofHours(8);
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** Gaps looked at: enough to cover a week of any schedule's pattern (weekday-only crons have a weekend gap). */
    private static final int GAPS = 200;
    /** A fixed Monday: the longest gap of a cron does not depend on when it is asked. */
    private static final ZonedDateTime FROM = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private FreshnessLimit() {
    }

    public static Optional<Duration> of(DataSourceConfig config) {
        Double hours = config.options().alertsOrDefaults().staleAfterHoursOrNull();
        if (hours != null) {
            return Optional.of(Duration.ofSeconds(Math.round(hours * 3600)));
        }
        if (config.sourceType() == SourceType.UPLOAD) {
            return Optional.empty();
        }
        return Frequency.cronOf(config.frequency(), config.id()).map(FreshnessLimit::longestGap)
                .map(gap -> gap.multipliedBy(2))
                .map(limit -> limit.compareTo(AT_LEAST) < 0 ? AT_LEAST : limit);
    }

    static Duration longestGap(String cron) {
        ExecutionTime times = ExecutionTime.forCron(PARSER.parse(cron));
        ZonedDateTime at = times.nextExecution(FROM).orElseThrow();
        Duration longest = Duration.ZERO;
        for (int i = 0; i < GAPS; i++) {
            ZonedDateTime next = times.nextExecution(at).orElseThrow();
            Duration gap = Duration.between(at, next);
            longest = gap.compareTo(longest) > 0 ? gap : longest;
            at = next;
        }
        return longest;
    }
}
