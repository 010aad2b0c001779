package com.budgetsync.worker.notify;

import static com.budgetsync.worker.notify.NotifyFixture.config;
import static com.budgetsync.worker.notify.NotifyFixture.finishedRun;
import static com.budgetsync.worker.notify.NotifyFixture.notifying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.crypto.WebhookSecrets;
import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.NotificationDelivery;
import com.budgetsync.domain.NotificationDelivery.Channel;
import com.budgetsync.domain.NotificationDelivery.Status;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.settings.NotificationSettings;
import com.budgetsync.settings.SmtpSettings;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.sources.CapturedLogs;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Notification emails through a real SMTP server (GreenMail on 127.0.0.1, with a login) and a real database. */
class EmailNotificationTest {
    private static final String USER = "notifier";
    private static final String PASSWORD = "smtp-pass-7f3a";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp")
            .dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("notifier@budget-sync.test", USER, PASSWORD))
            .withPerMethodLifecycle(true);

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    @ParameterizedTest
    @EnumSource(value = SyncStatus.class, names = {"FAILED", "PARTIAL", "NEEDS_REVIEW"})
    void runsThatNeedAttentionEmailEachRecipientOnceWithWhatHappened(SyncStatus status) throws Exception {
        DataSourceConfig config = config(db.jdbi(), "Main budget",
                notifying(List.of("fpa@acme.test", "controller@acme.test"), null, false));
        String syncId = finishedRun(db.jdbi(), config, status);

        assertEquals(0, notifier(smtp(PASSWORD)).deliver(syncId, false));

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertEquals(2, received.length);
        assertEquals(List.of("controller@acme.test", "fpa@acme.test"), Arrays.stream(received)
                .map(m -> recipients(m)).sorted().toList(), "one message to each recipient");
        MimeMessage message = received[0];
        assertEquals("notifier@budget-sync.test", message.getFrom()[0].toString());
        String subject = message.getSubject();
        assertTrue(subject.contains(status.dbValue()) && subject.contains(config.customerId())
                && subject.contains("Main budget"), subject);
        String body = ((String) message.getContent()).replace("\r\n", "\n");
        assertTrue(body.contains("Budget sync " + status.dbValue() + " for customer " + config.customerId()
                + ", config \"Main budget\" (id " + config.id() + ")"), body);
        assertTrue(body.contains("12 rows had errors"), body);
        assertTrue(body.contains("Rows read: 120\nCreated: 3, updated: 5, unchanged: 100, soft-deleted: 2, restored: 1"
                + "\nErrors: 12, skipped: 4"), body);
        assertTrue(body.contains("row 2, column Budget Amount, value \"n/a-2\": not a number"), body);
        assertTrue(body.contains("row 11, column Budget Amount"), "the first ten errors: " + body);
        assertFalse(body.contains("row 12, column"), "no more than ten errors: " + body);
        assertTrue(body.contains("Sync id: " + syncId), body);
        assertTrue(body.contains("Details: https://budgets.acme.test/api/sync/history/" + syncId), body);
        assertEquals(List.of(Status.DELIVERED, Status.DELIVERED), deliveries(syncId).stream()
                .map(NotificationDelivery::status).toList());
    }

    @Test
    void successIsSilentUnlessTheConfigAsksForIt() {
        DataSourceConfig quiet = config(db.jdbi(), "quiet", notifying(List.of("fpa@acme.test"), null, false));
        DataSourceConfig chatty = config(db.jdbi(), "chatty", notifying(List.of("fpa@acme.test"), null, true));
        Notifier notifier = notifier(smtp(PASSWORD));

        String quietRun = finishedRun(db.jdbi(), quiet, SyncStatus.SUCCESS);
        notifier.deliver(quietRun, false);
        assertEquals(0, MAIL.getReceivedMessages().length);
        assertEquals(List.of(), deliveries(quietRun));

        notifier.deliver(finishedRun(db.jdbi(), chatty, SyncStatus.SUCCESS), false);
        assertEquals(1, MAIL.getReceivedMessages().length);
    }

    @Test
    void runsWithoutANewFileOrSkippedNotifyNobodyEvenWithNotifyOnSuccess() {
        DataSourceConfig config = config(db.jdbi(), "chatty", notifying(List.of("fpa@acme.test"), null, true));
        Notifier notifier = notifier(smtp(PASSWORD));

        notifier.deliver(finishedRun(db.jdbi(), config, SyncStatus.NO_NEW_FILE), false);
        notifier.deliver(finishedRun(db.jdbi(), config, SyncStatus.SKIPPED), false);

        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void aRetryAfterADeliveredEmailDoesNotSendItAgain() {
        DataSourceConfig config = config(db.jdbi(), "Main budget", notifying(List.of("fpa@acme.test"), null, false));
        String syncId = finishedRun(db.jdbi(), config, SyncStatus.FAILED);
        Notifier notifier = notifier(smtp(PASSWORD));

        notifier.deliver(syncId, false);
        notifier.deliver(syncId, false);
        notifier.deliver(syncId, true);

        assertEquals(1, MAIL.getReceivedMessages().length);
        NotificationDelivery delivery = deliveries(syncId).get(0);
        assertEquals(Status.DELIVERED, delivery.status());
        assertEquals(1, delivery.attempts());
    }

    @Test
    void aRefusedLoginIsRecordedAsFailedWithoutRetryAndThePasswordIsNeverLogged() {
        DataSourceConfig config = config(db.jdbi(), "Main budget", notifying(List.of("fpa@acme.test"), null, false));
        String syncId = finishedRun(db.jdbi(), config, SyncStatus.FAILED);
        String wrong = "wrong-pass-91c2";

        int pending;
        try (CapturedLogs logs = new CapturedLogs()) {
            pending = notifier(smtp(wrong)).deliver(syncId, false);
            assertFalse(logs.text().contains(wrong), logs.text());
            assertTrue(logs.text().contains("SMTP login to 127.0.0.1:" + MAIL.getSmtp().getPort() + " as notifier"
                    + " failed"), logs.text());
        }

        assertEquals(0, pending, "trying the same password again cannot help");
        assertEquals(0, MAIL.getReceivedMessages().length);
        NotificationDelivery delivery = deliveries(syncId).get(0);
        assertEquals(Status.FAILED, delivery.status());
        assertEquals(Channel.EMAIL, delivery.channel());
        assertEquals("fpa@acme.test", delivery.target());
    }

    @Test
    void anUnreachableServerIsRetriedThenRecordedAsFailedOnTheLastAttempt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DataSourceConfig config = config(db.jdbi(), "Main budget", notifying(List.of("fpa@acme.test"), null, false));
        String syncId = finishedRun(db.jdbi(), config, SyncStatus.PARTIAL);
        Notifier notifier = notifier(new SmtpSettings("127.0.0.1", closedPort, false, USER, PASSWORD,
                "notifier@budget-sync.test"));

        assertEquals(1, notifier.deliver(syncId, false));
        assertEquals(Status.PENDING, deliveries(syncId).get(0).status());

        assertEquals(0, notifier.deliver(syncId, true));
        NotificationDelivery delivery = deliveries(syncId).get(0);
        assertEquals(Status.FAILED, delivery.status());
        assertEquals(2, delivery.attempts());
        assertTrue(delivery.lastError().contains("127.0.0.1:" + closedPort), delivery.lastError());
    }

    @Test
    void withoutAnSmtpServerEmailIsRecordedAsNotConfigured() {
        DataSourceConfig config = config(db.jdbi(), "Main budget", notifying(List.of("fpa@acme.test"), null, false));
        String syncId = finishedRun(db.jdbi(), config, SyncStatus.FAILED);

        assertEquals(0, notifier(SmtpSettings.NONE).deliver(syncId, false));

        NotificationDelivery delivery = deliveries(syncId).get(0);
        assertEquals(Status.FAILED, delivery.status());
        assertEquals(0, delivery.attempts());
        assertTrue(delivery.lastError().startsWith("email not configured"), delivery.lastError());
    }

    private static SmtpSettings smtp(String password) {
        // GreenMail speaks plain SMTP: STARTTLS off here, on by default in production
        return new SmtpSettings("127.0.0.1", MAIL.getSmtp().getPort(), false, USER, password,
                "notifier@budget-sync.test");
    }

    private static Notifier notifier(SmtpSettings smtp) {
        return new Notifier(new SyncHistoryDao(db.jdbi()), new ConfigDao(db.jdbi()), new NotificationDao(db.jdbi()),
                new NotificationSettings(smtp, "https://budgets.acme.test/"),
                new WebhookUrls(NotifyFixture.SECRETS), new WebhookSecrets(NotifyFixture.SECRETS, db.jdbi()));
    }

    private static List<NotificationDelivery> deliveries(String syncId) {
        return new NotificationDao(db.jdbi()).list(syncId);
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString).reduce("", String::concat);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
