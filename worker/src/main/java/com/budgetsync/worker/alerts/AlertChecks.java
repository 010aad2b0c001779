package com.budgetsync.worker.alerts;

import com.budgetsync.alerts.FreshnessLimit;
import com.budgetsync.db.AlertDao;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.ConfigHealthDao;
import com.budgetsync.db.ConfigHealthDao.ConfigHealth;
import com.budgetsync.db.ConfigHealthDao.FileSeen;
import com.budgetsync.db.ConfigHealthDao.FinishedRun;
import com.budgetsync.domain.Alert;
import com.budgetsync.domain.AlertKind;
import com.budgetsync.domain.AlertOptions;
import com.budgetsync.domain.DataSourceConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the alert checks over every config, as of {@code now}: failure and review streaks (warn, pause),
 * stale data and its recovery, a late file, and slow or error-heavy runs that ended in the last day. Every alert is
 * raised under a key naming its episode, so a pass repeated (a retry, a second checker at the same moment) raises
 * nothing twice; only the pass that raised an alert returns it for delivery.
 */
public final class AlertChecks {
    private static final Logger LOG = LoggerFactory.getLogger(AlertChecks.class);
    /** Ended runs looked at for slow-run and error-rate alerts: more than enough for a check every 5 minutes. */
    static final Duration RUNS_LOOKBACK = Duration.ofDays(1);

    private final ConfigHealthDao health;
    private final AlertDao alerts;
    private final ConfigDao configs;
    private final Consumer<DataSourceConfig> stopSchedule;

    /** @param stopSchedule ends a paused config's scheduled runs in Temporal */
    public AlertChecks(ConfigHealthDao health, AlertDao alerts, ConfigDao configs,
                       Consumer<DataSourceConfig> stopSchedule) {
        this.health = health;
        this.alerts = alerts;
        this.configs = configs;
        this.stopSchedule = stopSchedule;
    }

    /** @return the alerts this pass raised (recovered notices included), to be delivered */
    public List<Long> check(Instant now) {
        List<Long> raised = new ArrayList<>();
        Map<Long, DataSourceConfig> byId = new HashMap<>();
        for (ConfigHealth config : health.all()) {
            byId.put(config.config().id(), config.config());
            try {
                AlertOptions settings = config.config().options().alertsOrDefaults();
                streaks(config, settings, raised);
                freshness(config, now, raised);
                lateFile(config.config(), settings, now, raised);
            } catch (IllegalArgumentException unreadable) {
                // a setting stored before validation existed: the other configs are still checked
                LOG.warn("config {}: alerts not checked: {}", config.config().id(), unreadable.getMessage());
            }
        }
        for (FinishedRun run : health.finishedSince(now.minus(RUNS_LOOKBACK))) {
            DataSourceConfig config = byId.get(run.configId());
            if (config != null) {
                try {
                    ranWell(run, config, raised);
                } catch (IllegalArgumentException unreadable) {
                    LOG.warn("config {}: run alerts not checked: {}", config.id(), unreadable.getMessage());
                }
            }
        }
        return raised;
    }

    private void streaks(ConfigHealth health, AlertOptions settings, List<Long> raised) {
        DataSourceConfig config = health.config();
        long failed = health.failureStreak();
        int warn = settings.warnAfterFailuresOrDefault();
        int pause = settings.pauseAfterFailuresOrDefault();
        if (warn > 0 && failed >= warn) {
            raise(config, AlertKind.FAILING, "failing:" + config.id() + ":" + health.failureStreakFrom(),
                    failed + " failed runs in a row (since run " + health.failureStreakFrom() + ")"
                            + (pause > 0 ? "; the config pauses after " + pause : ""),
                    health.failureStreakFrom(), raised);
        } else {
            resolve(config, AlertKind.FAILING);
        }
        if (pause > 0 && failed >= pause && config.enabled()) {
            String reason = failed + " failed runs in a row (since run " + health.failureStreakFrom()
                    + "): paused after " + pause + "; enable the config again to resume its schedule";
            // raised first: a pass cut off after pausing would not see the config enabled again to raise it
            raise(config, AlertKind.PAUSED, "paused:" + config.id() + ":" + health.failureStreakFrom(), reason,
                    health.failureStreakFrom(), raised);
            configs.pause(config.id(), reason);
            stopSchedule.accept(config);
            LOG.warn("config {} (customer {}) paused: {}", config.id(), config.customerId(), reason);
        } else if (!config.paused()) {
            resolve(config, AlertKind.PAUSED);
        }
        long held = health.reviewStreak();
        int warnReviews = settings.warnAfterReviewsOrDefault();
        if (warnReviews > 0 && held >= warnReviews) {
            raise(config, AlertKind.REVIEW_STREAK, "review_streak:" + config.id() + ":" + health.reviewStreakFrom(),
                    held + " runs in a row need a person's review of the mapping (since run "
                            + health.reviewStreakFrom() + "); nothing imports until someone answers",
                    health.reviewStreakFrom(), raised);
        } else {
            resolve(config, AlertKind.REVIEW_STREAK);
        }
    }

    private void freshness(ConfigHealth health, Instant now, List<Long> raised) {
        DataSourceConfig config = health.config();
        Optional<Duration> limit = FreshnessLimit.of(config);
        if (!config.enabled() || limit.isEmpty()) {
            return; // a paused config has its own alert; a disabled or unscheduled one is not expected to import
        }
        Instant since = health.lastSuccessAt() != null ? health.lastSuccessAt() : config.createdAt();
        Duration age = Duration.between(since, now);
        if (age.compareTo(limit.get()) > 0) {
            String last = health.lastSuccessAt() == null ? "no run has imported since the config was created at "
                    + since : "the last successful import ended at " + since + " (run " + health.lastSuccessSyncId()
                    + ")";
            raise(config, AlertKind.STALE, "stale:" + config.id() + ":"
                            + (health.lastSuccessSyncId() == null ? "never" : health.lastSuccessSyncId()),
                    "data is stale: " + last + ", " + hours(age) + " ago; the limit is " + hours(limit.get()),
                    health.lastSuccessSyncId(), raised);
            return;
        }
        for (Alert stale : alerts.open(config.id(), AlertKind.STALE)) {
            if (alerts.close(stale.id(), AlertDao.RECOVERED)) {
                alerts.inform(config.customerId(), config.id(), AlertKind.RECOVERED, "recovered:" + stale.id(),
                                "data is fresh again: run " + health.lastSuccessSyncId() + " imported at "
                                        + health.lastSuccessAt() + " (stale alert " + stale.id() + " closed)")
                        .ifPresent(a -> raised.add(a.id()));
            }
        }
    }

    private void lateFile(DataSourceConfig config, AlertOptions settings, Instant now, List<Long> raised) {
        LocalTime expectedBy = settings.expectedByOrNull();
        if (!config.enabled() || expectedBy == null) {
            return;
        }
        ZoneId zone = ZoneId.of(config.timezone());
        ZonedDateTime local = now.atZone(zone);
        if (!settings.expectedOn(local.getDayOfWeek()) || local.toLocalTime().isBefore(expectedBy)) {
            return;
        }
        Instant dayStart = local.toLocalDate().atStartOfDay(zone).toInstant();
        Instant due = local.toLocalDate().atTime(expectedBy).atZone(zone).toInstant();
        Optional<FileSeen> last = health.lastFile(config.id());
        boolean arrivedToday = last.isPresent() && !last.get().storedAt().isBefore(dayStart);
        // a run must have looked after the expected time: before it, nobody knows whether the file is there
        if (arrivedToday || !health.foundNoFileSince(config.id(), due)) {
            return;
        }
        String seen = last.map(f -> "the last file seen was " + f.filename() + " at " + f.storedAt())
                .orElse("no file has been seen yet");
        raise(config, AlertKind.LATE_FILE, "late_file:" + config.id() + ":" + local.toLocalDate(),
                "no new file by " + expectedBy + " (" + zone + ") on " + local.toLocalDate() + "; " + seen, null,
                raised);
    }

    private void ranWell(FinishedRun run, DataSourceConfig config, List<Long> raised) {
        AlertOptions settings = config.options().alertsOrDefaults();
        double minutes = settings.slowRunMinutesOrDefault();
        if (run.durationMs() > minutes * 60_000) {
            raise(config, AlertKind.SLOW_RUN, "slow_run:" + run.syncId(), "run " + run.syncId() + " ("
                    + run.status() + ") took " + Duration.ofMillis(run.durationMs()).toSeconds() + " s; the limit is "
                    + Math.round(minutes * 60) + " s", run.syncId(), raised);
        }
        double rate = settings.errorRateOrDefault();
        if ("partial".equals(run.status()) && run.totalRows() > 0
                && (double) run.errors() / run.totalRows() > rate) {
            raise(config, AlertKind.ERROR_RATE, "error_rate:" + run.syncId(), "run " + run.syncId() + " imported with "
                    + run.errors() + " of " + run.totalRows() + " rows in error ("
                    + percent((double) run.errors() / run.totalRows()) + "; the limit is " + percent(rate) + ")",
                    run.syncId(), raised);
        }
    }

    private void raise(DataSourceConfig config, AlertKind kind, String key, String message, String syncId,
                       List<Long> raised) {
        alerts.raise(config.customerId(), config.id(), kind, key, message, syncId).ifPresent(alert -> {
            LOG.warn("alert {} {} for config {} (customer {}): {}", alert.id(), kind.dbValue(), config.id(),
                    config.customerId(), message);
            raised.add(alert.id());
        });
    }

    /** The condition ended: its open alerts close without a notification. */
    private void resolve(DataSourceConfig config, AlertKind kind) {
        for (Alert open : alerts.open(config.id(), kind)) {
            alerts.close(open.id(), AlertDao.RESOLVED);
        }
    }

    private static String hours(Duration d) {
        return String.format(Locale.ROOT, "%.1f h", d.toMinutes() / 60.0);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
