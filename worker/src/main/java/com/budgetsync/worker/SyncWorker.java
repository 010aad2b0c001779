package com.budgetsync.worker;

import com.budgetsync.alerts.AlertDeliveries;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.crypto.WebhookSecrets;
import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.db.AlertDao;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.ConfigHealthDao;
import com.budgetsync.db.CustomerDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.ImportedFileDao;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.db.RunProgressDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.runs.RunSlots;
import com.budgetsync.settings.WorkerSettings;
import com.budgetsync.worker.activities.DownloadActivityImpl;
import com.budgetsync.worker.activities.ImportActivityImpl;
import com.budgetsync.worker.activities.MapActivityImpl;
import com.budgetsync.worker.activities.NotifyActivityImpl;
import com.budgetsync.worker.activities.ParseActivityImpl;
import com.budgetsync.worker.activities.PollActivityImpl;
import com.budgetsync.worker.activities.RunActivityImpl;
import com.budgetsync.worker.activities.AlertCheckActivityImpl;
import com.budgetsync.worker.activities.ChangePreviewActivityImpl;
import com.budgetsync.worker.alerts.AlertChecks;
import com.budgetsync.worker.alerts.ScheduleStop;
import com.budgetsync.worker.notify.AlertNotifier;
import com.budgetsync.worker.activities.RetentionActivityImpl;
import com.budgetsync.worker.activities.TestConnectionActivityImpl;
import com.budgetsync.worker.retention.RetentionPass;
import com.budgetsync.worker.importing.BudgetImporter;
import com.budgetsync.worker.notify.Notifier;
import com.budgetsync.worker.workflow.AlertCheckWorkflowImpl;
import com.budgetsync.worker.workflow.AlertDeliveryWorkflowImpl;
import com.budgetsync.worker.workflow.BudgetSyncWorkflowImpl;
import com.budgetsync.worker.workflow.ChangePreviewWorkflowImpl;
import com.budgetsync.worker.workflow.RetentionWorkflowImpl;
import com.budgetsync.worker.workflow.TestConnectionWorkflowImpl;
import com.budgetsync.workflow.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process's Temporal worker on task queue {@code budget-sync}: the sync workflow, the connection-test,
 * dry-run, alert-check and retention workflows and all their activities.
 */
public final class SyncWorker {
    private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

    private final WorkerFactory factory;
    private final WorkerSettings settings;

    public SyncWorker(WorkflowClient client, Jdbi jdbi, WorkerSettings settings, SourceSecrets secrets) {
        this.settings = settings;
        this.factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new HeartbeatInterceptor(), new FailureTranslation()).build());
        Worker worker = factory.newWorker(TaskQueues.BUDGET_SYNC, WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(settings.maxConcurrentSyncs())
                .setMaxConcurrentWorkflowTaskExecutionSize(Math.max(2, settings.maxConcurrentSyncs()))
                .build());
        worker.registerWorkflowImplementationTypes(BudgetSyncWorkflowImpl.class, TestConnectionWorkflowImpl.class,
                ChangePreviewWorkflowImpl.class, AlertCheckWorkflowImpl.class, AlertDeliveryWorkflowImpl.class,
                RetentionWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities(client, jdbi, settings, secrets));
    }

    /**
     * Every activity implementation, wired to PostgreSQL; {@code secrets} opens the sources' credentials and
     * {@code client} tells whether the run holding a config is still alive.
     */
    public static Object[] activities(WorkflowClient client, Jdbi jdbi, WorkerSettings settings,
                                      SourceSecrets secrets) {
        ConfigDao configs = new ConfigDao(jdbi);
        ImportedFileDao imported = new ImportedFileDao(jdbi);
        FileStore files = new FileStore(jdbi);
        SyncHistoryDao history = new SyncHistoryDao(jdbi);
        CustomerDao customers = new CustomerDao(jdbi);
        BudgetImporter importer = new BudgetImporter(jdbi);
        NotificationDao deliveries = new NotificationDao(jdbi);
        WebhookUrls webhookUrls = new WebhookUrls(secrets);
        WebhookSecrets signingSecrets = new WebhookSecrets(secrets, jdbi);
        return new Object[] {
            new RunActivityImpl(configs, history, new RunSlots(history, client)),
            new PollActivityImpl(configs, imported, secrets, settings.aws(), Clock.systemUTC()),
            new DownloadActivityImpl(configs, files, history, secrets, settings.aws(), settings.maxFileBytes()),
            new ParseActivityImpl(configs, files, history),
            new MapActivityImpl(configs, files, history),
            new ImportActivityImpl(configs, customers, files, importer, new RunProgressDao(jdbi), new AlertDao(jdbi),
                    alertId -> AlertDeliveries.start(client, alertId)),
            new NotifyActivityImpl(new Notifier(history, configs, deliveries, settings.notifications(), webhookUrls,
                    signingSecrets)),
            new TestConnectionActivityImpl(configs, imported, secrets, settings.aws(), Clock.systemUTC()),
            new ChangePreviewActivityImpl(configs, customers, files, importer),
            new AlertCheckActivityImpl(
                    new AlertChecks(new ConfigHealthDao(jdbi), new AlertDao(jdbi), configs, new ScheduleStop(client)),
                    new AlertNotifier(new AlertDao(jdbi), configs, deliveries, settings.notifications(), webhookUrls,
                            signingSecrets)),
            new RetentionActivityImpl(new RetentionPass(jdbi, settings.retention())),
        };
    }

    public void start() {
        factory.start();
        LOG.info("worker polling task queue {} (at most {} syncs at once)", TaskQueues.BUDGET_SYNC,
                settings.maxConcurrentSyncs());
    }

    /** Stops polling, lets running activities finish within the grace period, then returns. */
    public void stop() throws InterruptedException {
        factory.shutdown();
        factory.awaitTermination(settings.shutdownGraceSeconds(), TimeUnit.SECONDS);
        if (!factory.isTerminated()) {
            LOG.warn("activities still running after {} s; stopping them (Temporal retries them on another worker)",
                    settings.shutdownGraceSeconds());
            factory.shutdownNow();
        }
    }
}
