package com.budgetsync.worker.notify;

import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.RunIdentity;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.SyncStats;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Configs with notification options and finished runs, written straight to the test database. */
final class NotifyFixture {
    /** How the API stores webhook URLs: encrypted (WebhookUrls.seal). */
    static final SourceSecrets SECRETS = new SourceSecrets(new SecretCipher(new byte[32]));
    static final SyncStats COUNTS = new SyncStats(120, 3, 5, 100, 2, 1, 12, 4);

    private NotifyFixture() {
    }

    static ConfigOptions notifying(List<String> emails, List<String> webhooks, boolean onSuccess) {
        return new ConfigOptions(null, null, null, null, null, null, null, emails, webhooks, onSuccess);
    }

    static DataSourceConfig config(Jdbi jdbi, String name, ConfigOptions options) {
        return new ConfigDao(jdbi).create("cust-" + UUID.randomUUID().toString().substring(0, 8), name,
                SourceType.UPLOAD, true, "manual", "UTC", Map.of(), options);
    }

    /** A run of {@code config} that ended with {@code status}, {@link #COUNTS} and twelve row errors. */
    static String finishedRun(Jdbi jdbi, DataSourceConfig config, SyncStatus status) {
        String syncId = UUID.randomUUID().toString();
        SyncHistoryDao history = new SyncHistoryDao(jdbi);
        history.claim(new RunIdentity(syncId, config.customerId(), config.id(), "wf-" + syncId, "run-" + syncId,
                TriggeredBy.API));
        List<RowError> errors = new ArrayList<>();
        for (int row = 2; row < 14; row++) {
            errors.add(new RowError(row, "Budget Amount", "n/a-" + row, "not a number"));
        }
        jdbi.useTransaction(h -> SyncHistoryDao.finish(h, syncId, status, COUNTS, errors, List.of(),
                "12 rows had errors"));
        return syncId;
    }
}
