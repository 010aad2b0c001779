package com.budgetsync.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.RunIdentity;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.workflow.RunStart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one-run-per-config lock lives in PostgreSQL: processes that share nothing but the database still never run a
 * config twice at once. Each contender here has its own Jdbi and its own connection, as separate worker or API
 * processes would.
 */
class RunClaimTest {
    private static final int CONTENDERS = 8;
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    @Test
    void exactlyOneOfManySimultaneousRunsOfAConfigStarts() throws Exception {
        DataSourceConfig config = config("race");
        CyclicBarrier together = new CyclicBarrier(CONTENDERS);
        ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
        List<Future<Optional<String>>> claims = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            String syncId = "sync-" + i;
            SyncHistoryDao ownProcess = new SyncHistoryDao(Jdbi.create(db.url().jdbcUrl(), "postgres", ""));
            claims.add(pool.submit(() -> {
                together.await();
                return ownProcess.claim(new RunIdentity(syncId, config.customerId(), config.id(), "wf-" + syncId, null,
                        TriggeredBy.CRON));
            }));
        }
        List<String> winners = new ArrayList<>();
        List<String> holdersSeen = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            Optional<String> holder = claims.get(i).get();
            if (holder.isEmpty()) {
                winners.add("sync-" + i);
            } else {
                holdersSeen.add(holder.get());
            }
        }
        pool.shutdown();

        assertEquals(1, winners.size(), "one run holds the config");
        assertTrue(holdersSeen.stream().allMatch(winners.get(0)::equals), "the others are told who holds it");
        assertEquals(List.of(winners.get(0)), running(config));
    }

    @Test
    void theConfigIsFreeAgainOnceItsRunEndsAndOtherConfigsAreNeverBlocked() {
        SyncHistoryDao history = new SyncHistoryDao(db.jdbi());
        DataSourceConfig config = config("sequence");
        DataSourceConfig other = config("other");
        assertTrue(history.claim(run("a1", config, null, TriggeredBy.API)).isEmpty());
        assertTrue(history.claim(run("b1", other, null, TriggeredBy.API)).isEmpty());
        assertEquals(Optional.of("a1"),
                history.claim(run("a2", config, null, TriggeredBy.CRON)));
        assertTrue(history.claim(run("a1", config, "run-1", TriggeredBy.API)).isEmpty(),
                "the holder claiming again (a retried activity) keeps its slot");

        history.finish("a1", SyncStatus.SUCCESS, null, List.of());

        assertTrue(history.claim(run("a3", config, null, TriggeredBy.CRON)).isEmpty());
        assertEquals(List.of("a3"), running(config));
    }

    @Test
    void aSkippedTickIsRecordedWithTheRunItYieldedTo() {
        SyncHistoryDao history = new SyncHistoryDao(db.jdbi());
        DataSourceConfig config = config("skip");
        history.claim(run("long-run", config, null, TriggeredBy.API));

        history.recordSkipped(new RunIdentity("tick", config.customerId(), config.id(), "wf-cron", "run-2",
                TriggeredBy.CRON),
                new RunStart("long-run").skippedMessage());

        var tick = history.find("tick").orElseThrow();
        assertEquals(SyncStatus.SKIPPED, tick.status());
        assertEquals("skipped: sync long-run of this config was still running", tick.message());
        assertEquals(List.of("long-run"), running(config));
    }

    private static DataSourceConfig config(String name) {
        return new ConfigDao(db.jdbi()).create("claims", name, SourceType.UPLOAD, true, "manual", "UTC", Map.of(),
                ConfigOptions.DEFAULTS);
    }

    private static List<String> running(DataSourceConfig config) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT sync_id FROM sync_history WHERE config_id = :c AND status = 'running'")
                .bind("c", config.id()).mapTo(String.class).list());
    }

    /** A run of {@code config} started by workflow "wf". */
    private static RunIdentity run(String syncId, DataSourceConfig config, String runId, TriggeredBy triggeredBy) {
        return new RunIdentity(syncId, config.customerId(), config.id(), "wf", runId, triggeredBy);
    }

}
