package com.budgetsync.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceSecretsTest {
    private final SourceSecrets secrets = new SourceSecrets(new SecretCipher(new byte[32]));

    private static Map<String, Object> sftp(String password) {
        Map<String, Object> m = new HashMap<>(Map.of("host", "sftp.example.com", "port", 22, "username", "fpa",
                "remotePath", "/exports"));
        if (password != null) {
            m.put("password", password);
        }
        return m;
    }

    @Test
    void encryptsOnlySecretsAndDecryptsThemBack() {
        Map<String, Object> clear = sftp("hunter2");
        clear.put("privateKey", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----");
        Map<String, Object> stored = secrets.encrypt(clear);
        assertTrue(SecretCipher.isEncrypted(stored.get("password")));
        assertTrue(SecretCipher.isEncrypted(stored.get("privateKey")));
        assertEquals("sftp.example.com", stored.get("host"));
        assertFalse(stored.toString().contains("hunter2"));
        assertEquals(stored, secrets.encrypt(stored), "encrypting twice must not double-encrypt");
        assertEquals(clear, secrets.decrypt(stored));
    }

    @Test
    void masksSecretsForApiAnswers() {
        Map<String, Object> masked = SourceSecrets.mask(secrets.encrypt(sftp("hunter2")));
        assertEquals("********", masked.get("password"));
        assertEquals("fpa", masked.get("username"));
        assertFalse(masked.containsKey("privateKey"));
    }

    @Test
    void updateKeepsTheStoredSecretWhenLeftOutOrSentMasked() {
        Map<String, Object> stored = secrets.encrypt(sftp("hunter2"));
        Map<String, Object> leftOut = sftp(null);
        leftOut.put("remotePath", "/new");
        Map<String, Object> merged = SourceSecrets.mergeForUpdate(stored, leftOut);
        assertEquals(stored.get("password"), merged.get("password"));
        assertEquals("/new", merged.get("remotePath"));
        assertEquals(stored.get("password"), SourceSecrets.mergeForUpdate(stored, sftp("********")).get("password"));
        assertEquals("new-pw", secrets.decrypt(secrets.encrypt(
                SourceSecrets.mergeForUpdate(stored, sftp("new-pw")))).get("password"));
    }

    @Test
    void updateMergesIntoTheStoredConfig() {
        Map<String, Object> stored = secrets.encrypt(sftp("hunter2"));
        Map<String, Object> merged = SourceSecrets.mergeForUpdate(stored, Map.of("hostKeyFingerprint", "SHA256:x"));
        assertEquals("SHA256:x", merged.get("hostKeyFingerprint"));
        assertEquals(stored.get("host"), merged.get("host"));
        assertEquals(stored.get("username"), merged.get("username"));
        assertEquals(stored.get("password"), merged.get("password"));
    }

    @Test
    void explicitEmptyRemovesASecret() {
        Map<String, Object> stored = secrets.encrypt(sftp("hunter2"));
        assertFalse(SourceSecrets.mergeForUpdate(stored, sftp("")).containsKey("password"));
    }

    @Test
    void storedSecretIsNeverCarriedToAnotherHost() {
        Map<String, Object> stored = secrets.encrypt(sftp("hunter2"));
        Map<String, Object> moved = sftp("********");
        moved.put("host", "attacker.example.net");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SourceSecrets.mergeForUpdate(stored, moved));
        assertEquals("sourceConfig.host changed: send password again (a stored secret is never reused for a"
                + " different host)", e.getMessage());
        moved.put("password", "for-the-new-host");
        assertEquals("for-the-new-host", SourceSecrets.mergeForUpdate(stored, moved).get("password"));
    }
}
