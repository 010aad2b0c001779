package com.budgetsync.db;

import com.budgetsync.domain.Alert;
import com.budgetsync.domain.AlertKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@code alert}. Raising is idempotent by the alert's key (the episode it is about): the first insert wins and
 * every later one, from another checker or a retried check, changes nothing and reports nothing new.
 */
public final class AlertDao {
    private static final String COLUMNS =
            "id, customer_id, config_id, kind, message, sync_id, raised_at, closed_at, closed_by";
    /** Closed by the checker because the condition ended. */
    public static final String RESOLVED = "resolved";
    /** A stale alert closed because the config imported again. */
    public static final String RECOVERED = "recovered";

    private final Jdbi jdbi;

    public AlertDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A new alert, present only when this call raised it (the key was not raised before). */
    public Optional<Alert> raise(String customerId, Long configId, AlertKind kind, String key, String message,
                                 String syncId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO alert (customer_id, config_id, kind, dedup_key, message, sync_id)
                        VALUES (:customer, :config, :kind, :key, :message, :sync)
                        ON CONFLICT (dedup_key) DO NOTHING
                        RETURNING\s""" + COLUMNS)
                .bind("customer", customerId).bind("config", configId).bind("kind", kind.dbValue())
                .bind("key", key).bind("message", message).bind("sync", syncId)
                .map(AlertDao::map).findOne());
    }

    /** An alert that only informs (recovered): recorded closed, for its deliveries and the alert history. */
    public Optional<Alert> inform(String customerId, Long configId, AlertKind kind, String key, String message) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO alert (customer_id, config_id, kind, dedup_key, message, closed_at, closed_by)
                        VALUES (:customer, :config, :kind, :key, :message, now(), :kind)
                        ON CONFLICT (dedup_key) DO NOTHING
                        RETURNING\s""" + COLUMNS)
                .bind("customer", customerId).bind("config", configId).bind("kind", kind.dbValue())
                .bind("key", key).bind("message", message)
                .map(AlertDao::map).findOne());
    }

    /** The alerts of {@code kind} that the import {@code syncId} raised, oldest first. */
    public List<Long> raisedBy(String customerId, String syncId, AlertKind kind) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id FROM alert WHERE customer_id = :customer AND sync_id = :sync AND kind = :kind
                         ORDER BY id""")
                .bind("customer", customerId).bind("sync", syncId).bind("kind", kind.dbValue())
                .mapTo(Long.class).list());
    }

    public Optional<Alert> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM alert WHERE id = :id")
                .bind("id", id).map(AlertDao::map).findOne());
    }

    /** The config's open alerts of one kind. */
    public List<Alert> open(long configId, AlertKind kind) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM alert WHERE config_id = :config AND kind = :kind AND closed_at IS NULL ORDER BY id")
                .bind("config", configId).bind("kind", kind.dbValue()).map(AlertDao::map).list());
    }

    /** Newest first; every customer's when {@code customerId} is null. */
    public List<Alert> list(String customerId, boolean openOnly, int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM alert"
                        + " WHERE (CAST(:customer AS text) IS NULL OR customer_id = :customer)"
                        + (openOnly ? " AND closed_at IS NULL" : "")
                        + " ORDER BY raised_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("customer", customerId).bind("limit", limit).bind("offset", offset)
                .map(AlertDao::map).list());
    }

    public long count(String customerId, boolean openOnly) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM alert"
                        + " WHERE (CAST(:customer AS text) IS NULL OR customer_id = :customer)"
                        + (openOnly ? " AND closed_at IS NULL" : ""))
                .bind("customer", customerId).mapTo(Long.class).one());
    }

    /** Closes an open alert; false when it was closed already (by the checker or another caller). */
    public boolean close(long id, String closedBy) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE alert SET closed_at = now(), closed_by = :by WHERE id = :id AND closed_at IS NULL""")
                .bind("id", id).bind("by", closedBy).execute()) > 0;
    }

    static Alert map(ResultSet rs, StatementContext ctx) throws SQLException {
        long config = rs.getLong("config_id");
        return new Alert(rs.getLong("id"), rs.getString("customer_id"), rs.wasNull() ? null : config,
                AlertKind.fromDb(rs.getString("kind")), rs.getString("message"), rs.getString("sync_id"),
                ConfigDao.instant(rs, "raised_at"), ConfigDao.instant(rs, "closed_at"), rs.getString("closed_by"));
    }
}
