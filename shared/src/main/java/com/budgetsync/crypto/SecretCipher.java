package com.budgetsync.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts single secrets for storage: AES-256-GCM with a fresh random 12-byte IV per value, stored as
 * {@code enc:v1:<base64(iv || ciphertext || tag)>}. GCM's tag makes a tampered or wrongly keyed value fail loudly
 * instead of decrypting to garbage. Messages never include the value, clear or encrypted.
 */
public final class SecretCipher {
    public static final String ENV_KEY = "BUDGET_SYNC_ENCRYPTION_KEY";
    public static final String PREFIX = "enc:v1:";
    private static final Logger LOG = LoggerFactory.getLogger(SecretCipher.class);
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("encryption key must be 32 bytes (AES-256), got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** The production key: {@value #ENV_KEY} holding 32 bytes in base64 ({@code openssl rand -base64 32}). */
    public static SecretCipher fromBase64(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV_KEY + " must be 32 random bytes in base64 (openssl rand -base64 32)");
        }
        return new SecretCipher(key);
    }

    /**
     * {@code key} ({@value #ENV_KEY}, base64) when set; otherwise, for development, a key kept in {@code keyFile} (created on first use,
     * owner-only 0600), announced in the log because losing that file makes every stored secret unreadable.
     */
    public static SecretCipher fromKeyOrKeyFile(String key, Path keyFile) {
        if (key != null && !key.isBlank()) {
            return fromBase64(key);
        }
        try {
            if (!Files.exists(keyFile)) {
                createKeyFile(keyFile);
                LOG.warn("{} is not set: created a development encryption key in {} (0600). Back it up; set {} in"
                        + " production.", ENV_KEY, keyFile, ENV_KEY);
            } else {
                LOG.info("{} is not set: using the development encryption key in {}", ENV_KEY, keyFile);
            }
            return fromBase64(Files.readString(keyFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the encryption key file " + keyFile, e);
        }
    }

    /** The default development key file, {@code ~/.budget-sync/encryption.key}. */
    public static Path defaultKeyFile() {
        return Path.of(System.getProperty("user.home"), ".budget-sync", "encryption.key");
    }

    private static void createKeyFile(Path keyFile) throws IOException {
        byte[] fresh = new byte[KEY_BYTES];
        RANDOM.nextBytes(fresh);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        try {
            // created with 0600 from the start, so the key is never readable by others even for a moment
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException nonPosix) {
            Files.createFile(keyFile);
        } catch (FileAlreadyExistsException raced) {
            return; // another process created it first: use theirs
        }
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
    }

    public static boolean isEncrypted(Object value) {
        return value instanceof String s && s.startsWith(PREFIX);
    }

    public String encrypt(String plain) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
            return PREFIX + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            throw new IllegalArgumentException("not an encrypted secret (expected the " + PREFIX + " prefix)");
        }
        try {
            byte[] data = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            // no cause attached: some providers echo input bytes in their messages
            throw new IllegalStateException("cannot decrypt a stored secret: it was encrypted with another "
                    + ENV_KEY + " or has been altered");
        }
    }
}
