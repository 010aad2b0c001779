package com.budgetsync.db;

import com.budgetsync.domain.NotificationDelivery;
import com.budgetsync.domain.NotificationDelivery.Channel;
import com.budgetsync.domain.NotificationDelivery.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@code notification_delivery}: per run or alert and recipient, whether the notification went out. */
public final class NotificationDao {
    private static final String COLUMNS = "channel, target, status, attempts, last_error, updated_at";

    private final Jdbi jdbi;

    public NotificationDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a notification is about: a run (its sync id) or an alert (its id); one of the two. */
    public record About(String syncId, Long alertId) {
        public static About run(String syncId) {
            return new About(syncId, null);
        }

        public static About alert(long alertId) {
            return new About(null, alertId);
        }

        private String column() {
            return syncId != null ? "sync_id" : "alert_id";
        }

        private Object id() {
            return syncId != null ? syncId : alertId;
        }

        /** The unique index a recipient's row is found by (the alert's is partial: alert rows only). */
        private String conflictTarget() {
            return syncId != null ? "(sync_id, channel, target)"
                    : "(alert_id, channel, target) WHERE alert_id IS NOT NULL";
        }

        @Override
        public String toString() {
            return syncId != null ? "sync " + syncId : "alert " + alertId;
        }
    }

    public Optional<NotificationDelivery> find(About about, Channel channel, String target) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM notification_delivery WHERE "
                        + about.column() + " = :id AND channel = :channel AND target = :target")
                .bind("id", about.id()).bind("channel", channel.dbValue()).bind("target", target)
                .map(NotificationDao::map).findOne());
    }

    /** The run's deliveries in the order they were first tried. */
    public List<NotificationDelivery> list(String syncId) {
        return list(About.run(syncId));
    }

    public List<NotificationDelivery> list(About about) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM notification_delivery WHERE "
                        + about.column() + " = :id ORDER BY id")
                .bind("id", about.id()).map(NotificationDao::map).list());
    }

    /**
     * Stores the outcome of one try ({@code attempted}) or of a decision made without trying (e.g. email not
     * configured); the error of a delivered row is cleared.
     */
    public void record(About about, Channel channel, String target, Status status, boolean attempted, String error) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO notification_delivery (" + about.column()
                        + ", channel, target, status, attempts, last_error)"
                        + " VALUES (:id, :channel, :target, :status, :tries, :error)"
                        + " ON CONFLICT " + about.conflictTarget() + " DO UPDATE " + """
                           SET status = EXCLUDED.status,
                               attempts = notification_delivery.attempts + EXCLUDED.attempts,
                               last_error = EXCLUDED.last_error, updated_at = now()""")
                .bind("id", about.id()).bind("channel", channel.dbValue()).bind("target", target)
                .bind("status", status.dbValue()).bind("tries", attempted ? 1 : 0).bind("error", error)
                .execute());
    }

    static NotificationDelivery map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new NotificationDelivery(Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)),
                rs.getString("target"), Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getInt("attempts"), rs.getString("last_error"), ConfigDao.instant(rs, "updated_at"));
    }
}
