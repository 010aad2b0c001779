package com.budgetsync.api.schedule;

import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.Frequency;
import com.budgetsync.domain.SourceType;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A config's cron expression in its time zone. cron-utils with the UNIX definition reads it exactly as Temporal's
 * servers do, so the next run time we show is the one Temporal will keep.
 */
public record CronSchedule(String cron, ZoneId zone) {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /**
     * Parsed expressions: a reconcile asks for the next run of every config, and parsing dominated it (10,000 configs
     * share a few hundred expressions). Bounded by the number of distinct schedules configs ask for.
     */
    private static final Map<String, ExecutionTime> PARSED = new ConcurrentHashMap<>();

    /** The schedule a config asks for; empty when it runs only on demand (disabled, manual, upload). */
    public static Optional<CronSchedule> of(DataSourceConfig config) {
        if (!config.enabled() || config.sourceType() == SourceType.UPLOAD) {
            return Optional.empty();
        }
        return Frequency.cronOf(config.frequency(), config.id()).map(cron -> new CronSchedule(cron, ZoneId.of(config.timezone())));
    }

    /** The schedule as a server that ignores time zones runs it: the same expression, read in UTC. */
    public CronSchedule inUtc() {
        return new CronSchedule(cron, ZoneOffset.UTC);
    }

    /** Temporal's cron schedule text: a real cluster reads the zone from a {@code CRON_TZ=} prefix. */
    public String temporalCron() {
        return isUtc() ? cron : "CRON_TZ=" + zone.getId() + " " + cron;
    }

    public Instant nextAfter(Instant instant) {
        return PARSED.computeIfAbsent(cron, c -> ExecutionTime.forCron(PARSER.parse(c))).nextExecution(ZonedDateTime.ofInstant(instant, zone))
                .map(ZonedDateTime::toInstant)
                .orElseThrow(() -> new IllegalStateException("cron '" + cron + "' never fires"));
    }

    private boolean isUtc() {
        return zone.normalized().equals(ZoneOffset.UTC);
    }
}
