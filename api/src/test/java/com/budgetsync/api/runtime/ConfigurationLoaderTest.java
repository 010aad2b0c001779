package com.budgetsync.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.settings.AwsSettings;
import com.budgetsync.settings.SmtpSettings;
import com.budgetsync.settings.WorkerSettings;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.jersey.validation.Validators;
import java.io.IOException;
import java.io.StringReader;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

/**
 * The configuration a command given no file gets: the bundled config.yml with its variables substituted. The
 * variables come from a map here, standing in for the environment, so the test never touches the process's own.
 */
class ConfigurationLoaderTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void withNoVariablesSetEverySettingHasItsDocumentedDefault() throws Exception {
        BudgetSyncConfiguration config = load(Map.of());

        assertEquals("jdbc:postgresql://127.0.0.1:5432/budget_sync", config.databaseUrl().jdbcUrl());
        assertEquals("postgres", config.databaseUrl().user());
        assertFalse(config.getTemporal().isExternal(), "dev and sync-file embed Temporal when none is given");
        assertEquals("127.0.0.1:7233", config.getTemporal().address());
        assertTrue(config.getTemporal().cronTimeZones());
        assertFalse(config.getWorker().isEnabled());
        assertNull(config.getAuth().adminToken(), "admin access is off without a token");
        assertFalse(config.hasEncryptionKey());
        assertNull(config.oldEncryptionKey());
        assertFalse(config.getOutbound().guard().allowsLoopback());
        assertFalse(config.getOutbound().guard().allowsPrivate());
        WorkerSettings worker = config.workerSettings();
        assertEquals(5, worker.maxConcurrentSyncs());
        assertEquals(209_715_200, worker.maxFileBytes());
        assertEquals(0, config.getWorker().healthPort(), "a worker serves no health port unless told");
        assertEquals(SmtpSettings.NONE, worker.notifications().smtp(), "email is off without SMTP_HOST");
        assertNull(worker.notifications().publicUrl());
        assertNull(config.getConsole().temporalWebUrl(), "no link to the Temporal Web UI");
        assertEquals(AwsSettings.NONE, worker.aws(), "s3 configs name their region; STS at its regional address");
        assertEquals(8080, port(config, true));
        assertEquals(8081, port(config, false));
    }

    @Test
    void everyDocumentedVariableReachesItsSetting() throws Exception {
        BudgetSyncConfiguration config = load(variables("""
                DATABASE_URL=postgresql://app:s3cret@db.internal:5433/budgets
                TEMPORAL_ADDRESS=temporal.internal:7233
                TEMPORAL_CRON_TIME_ZONES=false
                WORKER_IN_API=true
                WORKER_MAX_CONCURRENT_SYNCS=2
                MAX_FILE_BYTES=1000
                WORKER_HEALTH_PORT=9092
                BUDGET_SYNC_ADMIN_TOKEN=admin-t0ken
                BUDGET_SYNC_ENCRYPTION_KEY=%s
                BUDGET_SYNC_OLD_ENCRYPTION_KEY=old-key
                BUDGET_SYNC_PUBLIC_URL=https://budgets.example.com
                BUDGET_SYNC_ALLOW_LOOPBACK=true
                BUDGET_SYNC_ALLOW_PRIVATE_NETWORKS=true
                SMTP_HOST=mail.example.com
                SMTP_PORT=2525
                SMTP_STARTTLS=false
                SMTP_USERNAME=mailer
                SMTP_PASSWORD=mail-pw
                SMTP_FROM=budgets@example.com
                TEMPORAL_WEB_URL=http://temporal-web:8088/
                PORT=9090
                ADMIN_PORT=9091
                AWS_REGION=eu-central-1
                AWS_ENDPOINT_URL_STS=https://sts.eu-central-1.amazonaws.com
                S3_BUCKET_NAME=budget-sync-drop
                S3_BUCKET_ENDPOINT=https://minio.example.com:9000
                """.formatted(KEY)));

        assertEquals("jdbc:postgresql://db.internal:5433/budgets", config.databaseUrl().jdbcUrl());
        assertEquals("app", config.databaseUrl().user());
        assertEquals("s3cret", config.databaseUrl().password());
        assertEquals("jdbc:postgresql://db.internal:5433/budgets", config.getDataSourceFactory().getUrl());
        assertTrue(config.getTemporal().isExternal());
        assertEquals("temporal.internal:7233", config.getTemporal().address());
        assertFalse(config.getTemporal().cronTimeZones());
        assertTrue(config.getWorker().isEnabled());
        assertEquals("admin-t0ken", config.getAuth().adminToken());
        assertTrue(config.hasEncryptionKey());
        assertEquals("pw", SecretCipher.fromBase64(KEY).decrypt(config.sourceSecrets().encryptValue("pw")),
                "secrets are encrypted with the key from the environment");
        assertEquals("old-key", config.oldEncryptionKey());
        assertTrue(config.getOutbound().guard().allowsLoopback());
        assertTrue(config.getOutbound().guard().allowsPrivate());
        WorkerSettings worker = config.workerSettings();
        assertEquals(2, worker.maxConcurrentSyncs());
        assertEquals(1000, worker.maxFileBytes());
        assertEquals(9092, config.getWorker().healthPort());
        assertEquals(new SmtpSettings("mail.example.com", 2525, false, "mailer", "mail-pw", "budgets@example.com"),
                worker.notifications().smtp());
        assertEquals("https://budgets.example.com", worker.notifications().publicUrl());
        assertEquals("http://temporal-web:8088", config.getConsole().temporalWebUrl());
        assertEquals(9090, port(config, true));
        assertEquals(9091, port(config, false));
        assertEquals(new AwsSettings("eu-central-1", "https://sts.eu-central-1.amazonaws.com", "budget-sync-drop",
                "https://minio.example.com:9000"), worker.aws());
    }

    /** NAME=value lines, as an env file would hold them. */
    private static Map<String, String> variables(String lines) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(lines));
        Map<String, String> variables = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> variables.put(name, properties.getProperty(name)));
        return variables;
    }

    private static BudgetSyncConfiguration load(Map<String, String> variables) throws Exception {
        return new ConfigurationLoader(new StringSubstitutor(variables))
                .create(BudgetSyncConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build();
    }

    private static int port(BudgetSyncConfiguration config, boolean application) {
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        var connectors = application ? server.getApplicationConnectors() : server.getAdminConnectors();
        return ((HttpConnectorFactory) connectors.get(0)).getPort();
    }
}
