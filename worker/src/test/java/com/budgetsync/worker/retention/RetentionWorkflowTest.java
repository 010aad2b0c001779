package com.budgetsync.worker.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.db.FileStore;
import com.budgetsync.db.ImportedFileDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.ImportedFile;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SyncStats;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.settings.RetentionSettings;
import com.budgetsync.testing.TemporalTestEnvironment;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.activities.RetentionActivityImpl;
import com.budgetsync.worker.workflow.RetentionWorkflowImpl;
import com.budgetsync.workflow.RetentionWorkflow;
import com.budgetsync.workflow.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retention as the daily cron workflow runs it, on Temporal's test server with time skipping against real PostgreSQL:
 * it deletes the contents of exactly the files past their customer's retention, keeps the files retry and approve
 * need (a config's last success, a run needing review), deletes history past its period but not the audit log, and a
 * second pass a day later deletes nothing more.
 */
class RetentionWorkflowTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    @RegisterExtension
    final TemporalTestEnvironment temporal = TemporalTestEnvironment.withWorkflows(RetentionWorkflowImpl.class);

    /** Small batches, so the test goes through several of them. */
    private static final RetentionSettings SETTINGS = new RetentionSettings(90, 24, 2);

    @Test
    void deletesExactlyWhatIsPastRetentionAndKeepsWhatRetryAndApproveNeed() throws Exception {
        temporal.start(new RetentionActivityImpl(new RetentionPass(db.jdbi(), SETTINGS)));
        String acme = "acme-" + UUID.randomUUID();
        String brief = "brief-" + UUID.randomUUID();
        customer(acme, null);
        customer(brief, 10);
        long a = config(acme);
        long old = config(acme);
        long b = config(brief);

        long previousSuccess = file(acme, a, 150, 3);
        run(acme, a, "success", previousSuccess, 150);
        long lastSuccess = file(acme, a, 120, 2);
        run(acme, a, "success", lastSuccess, 120);
        long needsReview = file(acme, a, 100, 1);
        run(acme, a, "needs_review", needsReview, 100);
        long failed = file(acme, a, 95, 2);
        run(acme, a, "failed", failed, 95);
        long recent = file(acme, a, 30, 1);
        run(acme, a, "failed", recent, 30);

        long ancientFile = file(acme, old, 900, 1);
        String ancientRun = run(acme, old, "failed", ancientFile, 900);
        notification(ancientRun);
        audit(acme, ancientRun);
        run(acme, old, "failed", null, 800);
        long ancientSuccess = file(acme, old, 780, 1);
        String ancientSuccessRun = run(acme, old, "partial", ancientSuccess, 780);

        long shortLived = file(brief, b, 20, 1);
        run(brief, b, "failed", shortLived, 20);
        long young = file(brief, b, 5, 1);
        run(brief, b, "failed", young, 5);

        Set<Long> all = Set.of(previousSuccess, lastSuccess, needsReview, failed, recent, ancientFile, ancientSuccess,
                shortLived, young);
        startDaily();
        temporal.server().sleep(Duration.ofHours(25));
        awaitPasses(1);

        assertEquals(Set.of(lastSuccess, needsReview, recent, ancientSuccess, young), withChunks(all),
                "contents kept: the config's last success, needs review, within retention (90 d, brief's 10 d)");
        assertEquals(Set.of(previousSuccess, failed, shortLived), purgedRows(all),
                "purged files keep their row while a run refers to it");
        assertEquals(0L, count("SELECT count(*) FROM stored_file WHERE id = " + ancientFile),
                "the 900-day-old run went, and with it its file's row");
        assertEquals(0L, count("SELECT count(*) FROM sync_history WHERE sync_id = '" + ancientRun + "'"));
        assertEquals(0L, count("SELECT count(*) FROM notification_delivery WHERE sync_id = '" + ancientRun + "'"));
        assertEquals(1L, count("SELECT count(*) FROM audit_log WHERE sync_id = '" + ancientRun + "'"),
                "the audit log is the compliance record: kept");
        assertEquals(1L, count("SELECT count(*) FROM sync_history WHERE sync_id = '" + ancientSuccessRun + "'"),
                "a config's last success stays however old, so its file does");
        assertEquals(1L, count("SELECT count(*) FROM sync_history WHERE config_id = " + old), "only its last success");
        assertTrue(new ImportedFileDao(db.jdbi()).list(a).stream().map(ImportedFile::sha256)
                        .anyMatch(("sha-" + previousSuccess)::equals),
                "the poll still knows a purged file was imported, so it never takes it again");

        FileStore store = new FileStore(db.jdbi());
        assertTrue(store.find(lastSuccess).isPresent() && store.find(needsReview).isPresent(),
                "retry of the last success and approve of the held run still find their files");
        assertTrue(store.find(previousSuccess).isEmpty(), "a purged file is gone for retry (409 in the API)");

        Map<String, Object> pass = lastPass();
        assertEquals(4L, pass.get("files_purged"));
        assertEquals(3000L + 2000L + 1000L + 1000L, pass.get("bytes_purged"), "the purged files' sizes");
        assertEquals(2L, pass.get("history_deleted"));
        assertEquals(1L, pass.get("file_rows_deleted"));
        assertTrue(pass.get("finished_at") != null);

        temporal.server().sleep(Duration.ofHours(24));
        awaitPasses(2);
        Map<String, Object> second = lastPass();
        assertEquals(List.of(0L, 0L, 0L, 0L), List.of(second.get("files_purged"), second.get("bytes_purged"),
                second.get("history_deleted"), second.get("file_rows_deleted")), "nothing more to delete");
        assertEquals(Set.of(lastSuccess, needsReview, recent, ancientSuccess, young), withChunks(all));
    }

    @Test
    void aRunKeepsItsFirstTenThousandRowErrorsAndTheirTotal() {
        String customer = "errors-" + UUID.randomUUID();
        customer(customer, null);
        String syncId = run(customer, config(customer), "running", null, 0);
        List<RowError> errors = IntStream.rangeClosed(1, 12_345)
                .mapToObj(i -> new RowError(i + 1, "amount", "x" + i, "not an amount")).toList();
        db.jdbi().useTransaction(h -> SyncHistoryDao.finish(h, syncId, SyncStatus.PARTIAL, SyncStats.EMPTY,
                new ArrayList<>(errors), List.of(), null));
        var run = new SyncHistoryDao(db.jdbi()).find(syncId).orElseThrow();
        assertEquals(12_345, run.stats().errors(), "the total is exact");
        assertEquals(errors.subList(0, 10_000), run.errors(), "the first 10,000 are kept");
    }

    /** Skipped time starts the pass; its activity (real SQL and VACUUM) takes real time to finish. */
    private static void awaitPasses(long passes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count("SELECT count(*) FROM retention_pass WHERE finished_at IS NOT NULL") < passes) {
            assertTrue(System.nanoTime() < deadline, "retention pass " + passes + " recorded within 60 s");
            Thread.sleep(100);
        }
    }

    private void startDaily() {
        WorkflowClient.start(temporal.client().newWorkflowStub(RetentionWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(RetentionWorkflow.WORKFLOW_ID).setTaskQueue(TaskQueues.BUDGET_SYNC)
                .setCronSchedule(RetentionWorkflow.CRON).build())::purge);
    }

    private Instant daysAgo(int days) {
        return Instant.ofEpochMilli(temporal.server().currentTimeMillis()).minus(Duration.ofDays(days));
    }

    private static void customer(String id, Integer retentionDays) {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO customer (id, file_retention_days) VALUES (?, ?)", id,
                retentionDays));
    }

    private static long config(String customer) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO budget_data_source_config (customer_id, name, source_type)
                        VALUES (?, 'source', 'upload') RETURNING id""").bind(0, customer).mapTo(Long.class).one());
    }

    /** A stored file of {@code chunks} chunks of 1,000 bytes, {@code ageDays} old. */
    private long file(String customer, long config, int ageDays, int chunks) {
        Timestamp created = Timestamp.from(daysAgo(ageDays));
        return db.jdbi().withHandle(h -> {
            long id = h.createQuery("""
                            INSERT INTO stored_file (customer_id, config_id, filename, size_bytes, sha256, created_at)
                            VALUES (?, ?, 'budget.csv', ?, '', ?) RETURNING id""")
                    .bind(0, customer).bind(1, config).bind(2, chunks * 1000L).bind(3, created)
                    .mapTo(Long.class).one();
            h.execute("UPDATE stored_file SET sha256 = 'sha-' || id WHERE id = ?", id);
            for (int seq = 0; seq < chunks; seq++) {
                h.execute("INSERT INTO stored_file_chunk (file_id, seq, data) VALUES (?, ?, ?)", id, seq,
                        new byte[1000]);
            }
            return id;
        });
    }

    private String run(String customer, long config, String status, Long file, int ageDays) {
        String syncId = UUID.randomUUID().toString();
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO sync_history (sync_id, customer_id, config_id, triggered_by, status, file_id, start_time)
                VALUES (?, ?, ?, 'cron', ?, ?, ?)""", syncId, customer, config, status, file,
                Timestamp.from(daysAgo(ageDays))));
        return syncId;
    }

    private static void notification(String syncId) {
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO notification_delivery (sync_id, channel, target, status)
                VALUES (?, 'email', 'ops@acme.test', 'delivered')""", syncId));
    }

    private static void audit(String customer, String syncId) {
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO audit_log (customer_id, sync_id, action, department) VALUES (?, ?, 'updated', 'Sales')""",
                customer, syncId));
    }

    private static Set<Long> withChunks(Set<Long> files) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT DISTINCT file_id FROM stored_file_chunk WHERE file_id IN (<ids>)")
                .bindList("ids", new ArrayList<>(files)).mapTo(Long.class).collect(Collectors.toSet()));
    }

    private static Set<Long> purgedRows(Set<Long> files) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT id FROM stored_file WHERE id IN (<ids>) AND purged_at IS NOT NULL")
                .bindList("ids", new ArrayList<>(files)).mapTo(Long.class).collect(Collectors.toSet()));
    }

    private static long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static Map<String, Object> lastPass() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM retention_pass ORDER BY pass_time DESC LIMIT 1")
                .mapToMap().one());
    }
}
