package com.budgetsync.api.core;

import java.io.IOException;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.schedule.SyncScheduler;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.Json;
import com.budgetsync.domain.DataSourceConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a customer (DELETE /api/customers/{id}, docs/security.md#erasing-a-customer): its schedules stop first, then
 * one transaction deletes every row of the customer and leaves one {@code customer_erasure} record (who, when, how
 * many rows of each table; the customer id only as its SHA-256). One transaction, so a failure leaves the customer
 * whole, never half erased. It locks the customer's configs first: a run that starts meanwhile either got its
 * config first (its history row says running, and erasure is refused with 409 until it ends) or waits for the
 * erasure and then finds its config gone (refused by the foreign key).
 */
public final class CustomerErasure {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerErasure.class);

    /**
     * Tables with a customer_id column deleted in this order (children before parents); any other table with one
     * (added later) is swept first, so a new table never keeps a customer's rows behind.
     */
    static final List<String> OWN_TABLES = List.of("alert", "sync_history", "stored_file", "budget_request",
            "audit_log", "budget", "api_key", "config_audit", "budget_data_source_config");

    private final Jdbi jdbi;
    private final ConfigDao configs;
    private final SyncScheduler scheduler;
    private final List<DropFiles> drops;

    /** {@code drops}: where the customer's dropped files live outside PostgreSQL, erased after its rows. */
    public CustomerErasure(Jdbi jdbi, ConfigDao configs, SyncScheduler scheduler, List<DropFiles> drops) {
        this.jdbi = jdbi;
        this.configs = configs;
        this.scheduler = scheduler;
        this.drops = drops;
    }

    /**
     * What an erasure deleted: rows per table, then files per drop point; {@code notErased} names a drop point whose
     * files could not be deleted (the rows are gone either way; the operator deletes what is named).
     */
    public record Erased(Map<String, Long> counts, List<String> notErased) {
    }

    public Erased erase(String customerId, String actor) {
        refuseWhileRunning(jdbi.open(), customerId, true);
        for (DataSourceConfig config : configs.listByCustomer(customerId)) {
            try {
                scheduler.remove(config);
            } catch (RuntimeException e) {
                // the reconciler stops schedules whose config is gone (removeOrphans)
                LOG.warn("schedule of config {} not stopped yet; the reconciler will: {}", config.id(),
                        e.getMessage());
            }
        }
        Map<String, Long> counts = jdbi.inTransaction(h -> {
            h.createQuery("SELECT id FROM customer WHERE id = :c FOR UPDATE").bind("c", customerId)
                    .mapTo(String.class).list();
            h.createQuery("SELECT id FROM budget_data_source_config WHERE customer_id = :c ORDER BY id FOR UPDATE")
                    .bind("c", customerId).mapTo(Long.class).list();
            refuseWhileRunning(h, customerId, false);
            return deleteAll(h, customerId, actor);
        });
        List<String> notErased = new ArrayList<>();
        for (DropFiles drop : drops) {
            try {
                counts.put(drop.name(), drop.erase(customerId));
            } catch (IOException | RuntimeException e) {
                LOG.warn("customer's {} not erased", drop.name(), e);
                notErased.add(drop.name() + ": " + e.getMessage());
            }
        }
        LOG.info("customer erased by {}: {}", actor, counts);
        return new Erased(counts, notErased);
    }

    private static void refuseWhileRunning(Handle h, String customerId, boolean close) {
        try {
            List<String> running = h.createQuery("""
                            SELECT sync_id FROM sync_history WHERE customer_id = :c AND status = 'running'""")
                    .bind("c", customerId).mapTo(String.class).list();
            if (!running.isEmpty()) {
                throw ApiException.conflict("a run of customer '" + customerId + "' is in progress ("
                        + String.join(", ", running) + "); erase it once the run has ended",
                        Map.of("runningSyncIds", running));
            }
        } finally {
            if (close) {
                h.close();
            }
        }
    }

    private static Map<String, Long> deleteAll(Handle h, String customerId, String actor) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : otherTables(h)) {
            counts.put(table, delete(h, "DELETE FROM \"" + table + "\" WHERE customer_id = :c", customerId));
        }
        counts.put("notification_delivery", delete(h, """
                DELETE FROM notification_delivery
                 WHERE sync_id IN (SELECT sync_id FROM sync_history WHERE customer_id = :c)
                    OR alert_id IN (SELECT id FROM alert WHERE customer_id = :c)""", customerId));
        counts.put("sync_progress", delete(h, """
                DELETE FROM sync_progress WHERE sync_id IN (SELECT sync_id FROM sync_history WHERE customer_id = :c)""",
                customerId));
        counts.put("stored_file_chunk", delete(h, """
                DELETE FROM stored_file_chunk WHERE file_id IN (SELECT id FROM stored_file WHERE customer_id = :c)""",
                customerId));
        counts.put("budget_utilization", delete(h, """
                DELETE FROM budget_utilization WHERE budget_id IN (SELECT id FROM budget WHERE customer_id = :c)""",
                customerId));
        counts.put("budget_threshold_crossing", delete(h, """
                DELETE FROM budget_threshold_crossing
                 WHERE budget_id IN (SELECT id FROM budget WHERE customer_id = :c)""", customerId));
        for (String table : OWN_TABLES) {
            counts.put(table, delete(h, "DELETE FROM " + table + " WHERE customer_id = :c", customerId));
        }
        counts.put("customer", delete(h, "DELETE FROM customer WHERE id = :c", customerId));
        h.createUpdate("""
                        INSERT INTO customer_erasure (subject_sha256, erased_by, counts)
                        VALUES (:subject, :actor, CAST(:counts AS jsonb))""")
                .bind("subject", sha256(customerId)).bind("actor", actor).bind("counts", Json.write(counts))
                .execute();
        return counts;
    }

    /** Tables of this schema with a customer_id column that {@link #OWN_TABLES} does not name. */
    private static List<String> otherTables(Handle h) {
        Set<String> own = Set.copyOf(OWN_TABLES);
        return h.createQuery("""
                        SELECT c.table_name FROM information_schema.columns c
                          JOIN information_schema.tables t
                            ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                         WHERE c.table_schema = current_schema() AND c.column_name = 'customer_id'
                           AND t.table_type = 'BASE TABLE'
                         ORDER BY c.table_name""")
                .mapTo(String.class).list().stream().filter(t -> !own.contains(t)).toList();
    }

    private static long delete(Handle h, String sql, String customerId) {
        return h.createUpdate(sql).bind("c", customerId).execute();
    }

    public static String sha256(String customerId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(customerId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
