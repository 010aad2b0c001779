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

/** {@code notification_delivery}: per run and recipient, whether the notification went out. */
public final class NotificationDao {
    private static final String COLUMNS = "channel, target, status, attempts, last_error, updated_at";

    private final Jdbi jdbi;

    public NotificationDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<NotificationDelivery> find(String syncId, Channel channel, String target) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM notification_delivery WHERE sync_id = :id AND channel = :channel AND target = :target")
                .bind("id", syncId).bind("channel", channel.dbValue()).bind("target", target)
                .map(NotificationDao::map).findOne());
    }

    /** The run's deliveries in the order they were first tried. */
    public List<NotificationDelivery> list(String syncId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM notification_delivery WHERE sync_id = :id ORDER BY id")
                .bind("id", syncId).map(NotificationDao::map).list());
    }

    /**
     * Stores the outcome of one try ({@code attempted}) or of a decision made without trying (e.g. email not
     * configured); the error of a delivered row is cleared.
     */
    public void record(String syncId, Channel channel, String target, Status status, boolean attempted,
                       String error) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO notification_delivery (sync_id, channel, target, status, attempts, last_error)
                        VALUES (:id, :channel, :target, :status, :tries, :error)
                        ON CONFLICT (sync_id, channel, target) DO UPDATE
                           SET status = EXCLUDED.status,
                               attempts = notification_delivery.attempts + EXCLUDED.attempts,
                               last_error = EXCLUDED.last_error, updated_at = now()""")
                .bind("id", syncId).bind("channel", channel.dbValue()).bind("target", target)
                .bind("status", status.dbValue()).bind("tries", attempted ? 1 : 0).bind("error", error)
                .execute());
    }

    static NotificationDelivery map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new NotificationDelivery(Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)),
                rs.getString("target"), Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getInt("attempts"), rs.getString("last_error"), ConfigDao.instant(rs, "updated_at"));
    }
}
