package com.budgetsync.db;

import com.budgetsync.domain.RowError;
import com.budgetsync.domain.RunIdentity;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStats;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.mapping.ColumnMapping;
import com.budgetsync.mapping.ReviewQuestion;
import com.budgetsync.parsing.TableLayout;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@code sync_history}: one row per run, from the moment it starts. */
public final class SyncHistoryDao {
    /** How many row errors a history row keeps (the first ones, issue 19: bounds a run's row); the count is always exact. */
    public static final int MAX_STORED_ERRORS = 10_000;
    private static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    static final String COLUMNS = """
            id, sync_id, customer_id, config_id, workflow_id, run_id, triggered_by, status, file_id, filename,
            start_time, end_time, duration_ms, total_rows, created_count, updated_count, unchanged_count,
            soft_deleted_count, restored_count, error_count, skipped_count, errors::text AS errors,
            warnings::text AS warnings, layout::text AS layout, mapping::text AS mapping, message,
            review_questions::text AS review_questions, planned::text AS planned""";

    private final Jdbi jdbi;

    public SyncHistoryDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Records a run as running if its config has no other run going (the unique index of migration 003 is the lock,
     * so it holds across processes). Returns the sync id of the run holding the config when there is one, and then
     * records nothing; empty when this run holds it, also when it already did (a retried activity).
     */
    public Optional<String> claim(RunIdentity run) {
        String syncId = run.syncId();
        String workflowId = run.workflowId();
        String runId = run.runId();
        return jdbi.withHandle(h -> {
            // The holder may finish between the insert and the look-up: then the next insert succeeds.
            for (int attempt = 0; attempt < 3; attempt++) {
                int inserted = h.createUpdate("""
                                INSERT INTO sync_history
                                       (sync_id, customer_id, config_id, workflow_id, run_id, triggered_by, status)
                                VALUES (:syncId, :customer, :config, :workflowId, :runId, :triggeredBy, 'running')
                                ON CONFLICT DO NOTHING""")
                        .bind("syncId", syncId).bind("customer", run.customerId()).bind("config", run.configId())
                        .bind("workflowId", workflowId).bind("runId", runId)
                        .bind("triggeredBy", run.triggeredBy().dbValue()).execute();
                if (inserted == 1) {
                    return Optional.<String>empty();
                }
                int own = h.createUpdate("""
                                UPDATE sync_history SET workflow_id = COALESCE(workflow_id, :workflowId),
                                                        run_id = COALESCE(run_id, :runId)
                                 WHERE sync_id = :syncId AND customer_id = :customer AND config_id = :config""")
                        .bind("syncId", syncId).bind("workflowId", workflowId).bind("runId", runId)
                        .bind("customer", run.customerId()).bind("config", run.configId()).execute();
                if (own == 1) {
                    return Optional.<String>empty();
                }
                Optional<String> holder = h.createQuery(
                                "SELECT sync_id FROM sync_history WHERE config_id = :config AND status = 'running'")
                        .bind("config", run.configId()).mapTo(String.class).findOne();
                if (holder.isPresent()) {
                    return holder;
                }
            }
            throw new IllegalStateException("could not record sync " + syncId + ": config " + run.configId()
                    + " keeps changing hands");
        });
    }

    /** Records a run that did not start because another run of the same config was going, {@code message} says which. */
    public void recordSkipped(RunIdentity run, String message) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sync_history (sync_id, customer_id, config_id, workflow_id, run_id, triggered_by,
                                                  status, end_time, duration_ms, message)
                        VALUES (:syncId, :customer, :config, :workflowId, :runId, :triggeredBy, 'skipped', now(), 0,
                                :message)
                        ON CONFLICT (sync_id) DO NOTHING""")
                .bind("syncId", run.syncId()).bind("customer", run.customerId()).bind("config", run.configId())
                .bind("workflowId", run.workflowId()).bind("runId", run.runId())
                .bind("triggeredBy", run.triggeredBy().dbValue())
                .bind("message", message)
                .execute());
    }

    public void attachFile(String syncId, long fileId, String filename) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sync_history SET file_id = :file, filename = :name WHERE sync_id = :id")
                .bind("id", syncId).bind("file", fileId).bind("name", filename).execute());
    }

    public void recordLayout(String syncId, TableLayout layout) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sync_history SET layout = CAST(:layout AS jsonb) WHERE sync_id = :id")
                .bind("id", syncId).bind("layout", Json.write(layout)).execute());
    }

    /** The mapping a run was given, header-drift warnings, and the questions a person must answer (none: []). */
    public void recordMapping(String syncId, ColumnMapping mapping, List<String> warnings,
                              List<ReviewQuestion> reviewQuestions) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE sync_history SET mapping = CAST(:mapping AS jsonb), warnings = CAST(:warnings AS jsonb),
                               review_questions = CAST(:questions AS jsonb)
                         WHERE sync_id = :id""")
                .bind("id", syncId).bind("mapping", Json.write(mapping)).bind("warnings", Json.write(warnings))
                .bind("questions", Json.write(reviewQuestions)).execute());
    }

    /** Ends a run without an import (failed before it, needs review, no new file, skipped). */
    public void finish(String syncId, SyncStatus status, String message, List<RowError> errors) {
        jdbi.useTransaction(h -> finish(h, syncId, status, SyncStats.EMPTY, errors, List.of(), message));
    }

    /** Ends a run that is still running; false when another process ended it first. */
    public boolean finishIfRunning(String syncId, SyncStatus status, String message) {
        return jdbi.inTransaction(h -> finish(h, syncId, status, SyncStats.EMPTY, List.of(), List.of(), message));
    }

    /** The run {@code syncId} replaces, when it was started to recover a run whose process stopped. */
    public Optional<String> recoveredFrom(String syncId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT recovered_from FROM sync_history WHERE sync_id = :id")
                .bind("id", syncId).mapTo(String.class).findOne());
    }

    public void markRecovery(String syncId, String recoveredFrom) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sync_history SET recovered_from = :from WHERE sync_id = :id")
                .bind("id", syncId).bind("from", recoveredFrom).execute());
    }

    /**
     * Ends a run inside the caller's transaction, so an import and its history commit together. Warnings are added
     * to those the mapping recorded. Only a running row is finished: a retry cannot overwrite a recorded outcome.
     */
    public static boolean finish(Handle h, String syncId, SyncStatus status, SyncStats stats, List<RowError> errors,
                                 List<String> warnings, String message) {
        return finish(h, syncId, status, stats, null, errors, warnings, message);
    }

    /** The same, for a run held before applying: {@code stats} what it applied, {@code planned} what it would. */
    public static boolean finish(Handle h, String syncId, SyncStatus status, SyncStats stats, SyncStats planned,
                                 List<RowError> errors, List<String> warnings, String message) {
        List<RowError> kept = errors.size() > MAX_STORED_ERRORS ? errors.subList(0, MAX_STORED_ERRORS) : errors;
        int updated = h.createUpdate("""
                        UPDATE sync_history
                           SET status = :status, end_time = clock_timestamp(),
                               duration_ms = (extract(epoch FROM clock_timestamp() - start_time) * 1000)::bigint,
                               total_rows = :total, created_count = :created, updated_count = :updated,
                               unchanged_count = :unchanged, soft_deleted_count = :deleted,
                               restored_count = :restored, error_count = :errors, skipped_count = :skipped,
                               errors = CAST(:errorList AS jsonb), warnings = warnings || CAST(:warnings AS jsonb),
                               message = :message, planned = CAST(:planned AS jsonb)
                         WHERE sync_id = :id AND status = 'running'""")
                .bind("id", syncId).bind("status", status.dbValue()).bind("total", stats.totalRows())
                .bind("created", stats.created()).bind("updated", stats.updated())
                .bind("unchanged", stats.unchanged()).bind("deleted", stats.softDeleted())
                .bind("restored", stats.restored()).bind("errors", Math.max(stats.errors(), errors.size()))
                .bind("skipped", stats.skipped()).bind("errorList", Json.write(kept))
                .bind("warnings", Json.write(warnings)).bind("message", message)
                .bind("planned", planned == null ? null : Json.write(planned))
                .execute();
        h.createUpdate("""
                        UPDATE budget_data_source_config c
                           SET last_sync_at = s.end_time, last_sync_status = s.status
                          FROM sync_history s
                         WHERE s.sync_id = :id AND c.id = s.config_id AND s.status <> 'skipped'""")
                .bind("id", syncId).execute();
        return updated > 0;
    }

    public Optional<SyncRecord> find(String syncId) {
        return jdbi.withHandle(h -> find(h, syncId));
    }

    public static Optional<SyncRecord> find(Handle h, String syncId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sync_history WHERE sync_id = :id")
                .bind("id", syncId).map(SyncHistoryDao::map).findOne();
    }

    static SyncRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        SyncStats stats = new SyncStats(rs.getLong("total_rows"), rs.getLong("created_count"),
                rs.getLong("updated_count"), rs.getLong("unchanged_count"), rs.getLong("soft_deleted_count"),
                rs.getLong("restored_count"), rs.getLong("error_count"), rs.getLong("skipped_count"));
        return new SyncRecord(rs.getLong("id"), rs.getString("sync_id"), rs.getString("customer_id"),
                (Long) rs.getObject("config_id"), rs.getString("workflow_id"), rs.getString("run_id"),
                TriggeredBy.fromDb(rs.getString("triggered_by")), SyncStatus.fromDb(rs.getString("status")),
                (Long) rs.getObject("file_id"), rs.getString("filename"), ConfigDao.instant(rs, "start_time"),
                ConfigDao.instant(rs, "end_time"), (Long) rs.getObject("duration_ms"), stats,
                Json.read(rs.getString("errors"), ERRORS), Json.read(rs.getString("warnings"), STRINGS),
                Json.read(rs.getString("layout"), JsonNode.class), Json.read(rs.getString("mapping"), JsonNode.class),
                rs.getString("message"), Json.read(rs.getString("review_questions"), JsonNode.class),
                Json.read(rs.getString("planned"), SyncStats.class));
    }
}
