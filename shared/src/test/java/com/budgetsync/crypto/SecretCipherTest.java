package com.budgetsync.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {
    private static SecretCipher randomCipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretCipher(key);
    }

    @Test
    void encryptsWithAFreshIvEachTimeAndDecryptsBack() {
        SecretCipher cipher = randomCipher();
        String a = cipher.encrypt("s3cr3t-pässword");
        String b = cipher.encrypt("s3cr3t-pässword");
        assertTrue(a.startsWith("enc:v1:"));
        assertFalse(a.contains("s3cr3t"));
        assertNotEquals(a, b, "same secret must not encrypt to the same text");
        assertEquals("s3cr3t-pässword", cipher.decrypt(a));
        assertEquals(12 + 15 + 1 + 16, Base64.getDecoder().decode(a.substring(7)).length, "iv + utf-8 text + tag");
    }

    @Test
    void refusesAnotherKeyOrAlteredValueWithoutEchoingIt() {
        String stored = randomCipher().encrypt("hunter2");
        IllegalStateException wrongKey = assertThrows(IllegalStateException.class, () -> randomCipher().decrypt(stored));
        assertFalse(wrongKey.getMessage().contains(stored.substring(7, 20)));
        SecretCipher cipher = randomCipher();
        String ok = cipher.encrypt("hunter2");
        char last = ok.charAt(ok.length() - 3);
        String altered = ok.substring(0, ok.length() - 3) + (last == 'A' ? 'B' : 'A') + ok.substring(ok.length() - 2);
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(altered));
    }

    @Test
    void rejectsKeysThatAreNot32Bytes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SecretCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])));
        assertTrue(e.getMessage().contains("32 bytes"));
    }

    @Test
    void createsAnOwnerOnlyKeyFileOnceAndReusesIt(@TempDir Path home) throws Exception {
        Path keyFile = home.resolve(".budget-sync/encryption.key");
        String stored = SecretCipher.fromKeyOrKeyFile(null, keyFile).encrypt("pw");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(keyFile).trim()).length);
        assertEquals("pw", SecretCipher.fromKeyOrKeyFile(null, keyFile).decrypt(stored));
    }
}
