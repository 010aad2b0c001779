package com.budgetsync.worker.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.NotificationDelivery;
import com.budgetsync.domain.NotificationDelivery.Channel;
import com.budgetsync.domain.NotificationDelivery.Status;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.settings.NotificationSettings;
import com.budgetsync.settings.SmtpSettings;
import com.budgetsync.settings.WorkerSettings;
import com.budgetsync.testing.SeedExample;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.testing.TemporalTestEnvironment;
import com.budgetsync.worker.SyncWorker;
import com.budgetsync.worker.testing.WebhookReceiver;
import com.budgetsync.worker.workflow.BudgetSyncWorkflowImpl;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.NotifyActivity;
import com.budgetsync.workflow.SyncRequest;
import com.budgetsync.workflow.SyncResult;
import com.budgetsync.workflow.TaskQueues;
import com.budgetsync.workflow.WorkflowIds;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The notify step inside real runs: the workflow on Temporal's time-skipping test server with the real activities,
 * PostgreSQL, GreenMail on 127.0.0.1 and a local webhook receiver. Undeliverable notifications never change a run.
 */
class NotifyWorkflowTest {
    private static final SourceSecrets SECRETS = new SourceSecrets(new SecretCipher(new byte[32]));
    /** The seed plus one row whose amount is not a number: imports as partial under a 50% error threshold. */
    private static final String ONE_BAD_ROW = SeedExample.CSV + "Sales,Events,FY 2025,lots,USD\n";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp")
            .dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("notifier", "smtp-pass"))
            .withPerMethodLifecycle(true);

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    @RegisterExtension
    final TemporalTestEnvironment temporal = TemporalTestEnvironment.withWorkflows(BudgetSyncWorkflowImpl.class);
    @RegisterExtension
    final WebhookReceiver receiver = new WebhookReceiver();

    @Test
    void aWebhookAnswering500IsTriedFourTimesAndRecordedFailedWhileTheRunStaysPartialAndTheEmailGoesOutOnce() {
        receiver.answer(500);
        DataSourceConfig config = config(List.of("fpa@acme.test"), List.of(receiver.url("/hooks/budget")), false);
        temporal.start(activities());

        String syncId = UUID.randomUUID().toString();
        SyncResult result = run(config, syncId, ONE_BAD_ROW);

        assertEquals(SyncStatus.PARTIAL, result.status());
        assertEquals(SyncStatus.PARTIAL, new SyncHistoryDao(db.jdbi()).find(syncId).orElseThrow().status());
        assertEquals(4, receiver.requests().size(), "the activity's four attempts");
        assertEquals(1, MAIL.getReceivedMessages().length, "retries do not send the delivered email again");
        List<NotificationDelivery> deliveries = new NotificationDao(db.jdbi()).list(syncId);
        NotificationDelivery email = only(deliveries, Channel.EMAIL);
        assertEquals(Status.DELIVERED, email.status());
        assertEquals(1, email.attempts());
        NotificationDelivery webhook = only(deliveries, Channel.WEBHOOK);
        assertEquals(Status.FAILED, webhook.status());
        assertEquals(4, webhook.attempts());
        assertTrue(webhook.lastError().startsWith("answered HTTP 500"), webhook.lastError());
    }

    @Test
    void aNotifyActivityThatKeepsFailingLeavesASuccessfulRunSuccessful() {
        DataSourceConfig config = config(List.of("fpa@acme.test"), List.of(), true);
        AtomicInteger attempts = new AtomicInteger();
        NotifyActivity broken = syncId -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("notification bug");
        };
        temporal.start(Arrays.stream(activities()).map(a -> a instanceof NotifyActivity ? broken : a).toArray());

        String syncId = UUID.randomUUID().toString();
        SyncResult result = run(config, syncId, SeedExample.CSV);

        assertEquals(SyncStatus.SUCCESS, result.status());
        assertEquals(SyncStatus.SUCCESS, new SyncHistoryDao(db.jdbi()).find(syncId).orElseThrow().status());
        assertEquals(4, attempts.get());
    }

    @Test
    void aFailedRunEmailsItsReasonAndStillFailsInTemporal() throws Exception {
        DataSourceConfig config = config(List.of("fpa@acme.test"), List.of(receiver.url("/hooks/budget")), false);
        temporal.start(activities());

        String syncId = UUID.randomUUID().toString();
        assertThrows(WorkflowFailedException.class, () -> run(config, syncId,
                "Department,Sub Category,Notes\nEngineering,Software,no amounts here\n"));

        assertEquals(1, MAIL.getReceivedMessages().length);
        String body = (String) MAIL.getReceivedMessages()[0].getContent();
        assertTrue(body.contains("Budget sync failed") && body.contains("no column found for required field"),
                body);
        assertTrue(receiver.requests().get(0).body().contains("\"status\":\"failed\""));
    }

    private Object[] activities() {
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", MAIL.getSmtp().getPort(), false, "notifier", "smtp-pass",
                "budget-sync@acme.test");
        WorkerSettings settings = new WorkerSettings(WorkerSettings.DEFAULT.maxConcurrentSyncs(),
                WorkerSettings.DEFAULT.maxFileBytes(), WorkerSettings.DEFAULT.shutdownGraceSeconds(),
                new NotificationSettings(smtp, null), WorkerSettings.DEFAULT.aws());
        return SyncWorker.activities(temporal.client(), db.jdbi(), settings, SECRETS);
    }

    private static DataSourceConfig config(List<String> emails, List<String> webhooks, boolean onSuccess) {
        ConfigOptions options = new ConfigOptions(null, null, null, null, 0.5, null, null, emails, webhooks,
                onSuccess);
        return new ConfigDao(db.jdbi()).create("cust-" + UUID.randomUUID().toString().substring(0, 8), "upload",
                SourceType.UPLOAD, true, "manual", "UTC", Map.of(), options);
    }

    private SyncResult run(DataSourceConfig config, String syncId, String csv) {
        StoredFile file;
        try {
            file = new FileStore(db.jdbi()).store(config.customerId(), config.id(), "upload.csv",
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 1 << 20, FileStore.Origin.NONE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        BudgetSyncWorkflow workflow = temporal.client().newWorkflowStub(BudgetSyncWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BUDGET_SYNC)
                        .setWorkflowId(WorkflowIds.run(config.customerId(), config.id(), syncId)).build());
        return workflow.sync(new SyncRequest(config.customerId(), config.id(), TriggeredBy.API, syncId, file.id(),
                false));
    }

    private static NotificationDelivery only(List<NotificationDelivery> deliveries, Channel channel) {
        List<NotificationDelivery> of = deliveries.stream().filter(d -> d.channel() == channel).toList();
        assertEquals(1, of.size(), deliveries.toString());
        return of.get(0);
    }
}
