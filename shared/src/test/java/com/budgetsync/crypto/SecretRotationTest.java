package com.budgetsync.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.SourceType;
import com.budgetsync.testing.TestDatabase;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SecretRotationTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    @Test
    void movesEverySecretToTheNewKeyAndCanRunAgain() {
        SourceSecrets oldKey = randomKey();
        SourceSecrets newKey = randomKey();
        ConfigDao configs = new ConfigDao(db.jdbi());
        long id = configs.create("rotating", "sftp", SourceType.SFTP, true, "daily", "UTC",
                oldKey.encrypt(Map.of("host", "sftp.example.com", "password", "hunter2")), ConfigOptions.DEFAULTS).id();
        configs.create("rotating", "plain", SourceType.LOCAL, true, "daily", "UTC", Map.of("directory", "/d"),
                ConfigOptions.DEFAULTS);

        assertEquals(1, SecretRotation.rotate(db.jdbi(), oldKey, newKey));
        Map<String, Object> stored = configs.find(id).orElseThrow().sourceConfig();
        assertEquals("hunter2", newKey.decrypt(stored).get("password"));
        assertThrows(IllegalStateException.class, () -> oldKey.decrypt(stored));
        assertEquals(0, SecretRotation.rotate(db.jdbi(), oldKey, newKey), "a second run finds nothing left to move");
        assertThrows(IllegalStateException.class, () -> SecretRotation.rotate(db.jdbi(), randomKey(), randomKey()),
                "secrets under neither key stop the rotation");
    }

    @Test
    void movesWebhookUrlsToo() throws Exception {
        SourceSecrets oldKey = randomKey();
        SourceSecrets newKey = randomKey();
        String hook = "https://hooks.slack.com/services/T1/B2/rotateMe";
        ConfigOptions options = ConfigOptions.DEFAULTS.withNotifyWebhooks(List.of(oldKey.encryptValue(hook)));
        // a database of its own: the other test leaves configs under keys this one does not know
        try (TestDatabase own = TestDatabase.create()) {
            ConfigDao configs = new ConfigDao(own.jdbi());
            long id = configs.create("rotating-hooks", "upload", SourceType.UPLOAD, true, "manual", "UTC", Map.of(),
                    options).id();

            assertEquals(1, SecretRotation.rotate(own.jdbi(), oldKey, newKey));

            ConfigOptions stored = configs.find(id).orElseThrow().options();
            assertEquals(List.of(hook), new WebhookUrls(newKey).open(stored).notifyWebhooks());
            assertThrows(IllegalStateException.class, () -> new WebhookUrls(oldKey).open(stored));
        }
    }

    @Test
    void movesWebhookSigningSecretsToo() throws Exception {
        SourceSecrets oldKey = randomKey();
        SourceSecrets newKey = randomKey();
        try (TestDatabase own = TestDatabase.create()) {
            long id = new ConfigDao(own.jdbi()).create("rotating-signing", "upload", SourceType.UPLOAD, true,
                    "manual", "UTC", Map.of(), ConfigOptions.DEFAULTS).id();
            String secret = new WebhookSecrets(oldKey, own.jdbi()).issue(id);

            assertEquals(1, SecretRotation.rotate(own.jdbi(), oldKey, newKey));

            assertEquals(secret, new WebhookSecrets(newKey, own.jdbi()).open(id).orElseThrow(),
                    "receivers keep verifying with the secret they were given");
            assertThrows(IllegalStateException.class, () -> new WebhookSecrets(oldKey, own.jdbi()).open(id));
            assertEquals(0, SecretRotation.rotate(own.jdbi(), oldKey, newKey));
        }
    }

    private static SourceSecrets randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SourceSecrets(new SecretCipher(key));
    }
}
