package com.budgetsync.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The secret entries of a config's {@code source_config}: encrypted before storing, decrypted only by the activity
 * that connects, masked in every API answer, and kept on update when the client sends them back masked or not at all.
 */
public final class SourceSecrets {
    public static final String MASK = "********";
    /** Keys whose values are credentials, across all source types. */
    public static final Set<String> SECRET_KEYS = Set.of("password", "privateKey", "passphrase", "secretAccessKey",
            "bearerToken", "token", "apiKey");
    /**
     * Keys naming where the credentials are sent. When one changes, stored secrets are not carried over: otherwise
     * anyone allowed to edit a config could point it at their own server and receive the customer's password.
     */
    static final Set<String> TARGET_KEYS = Set.of("host", "port", "username", "bucketName", "endpoint",
            "accessKeyId", "url");

    private final SecretCipher cipher;

    public SourceSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    public static boolean isSecret(String key) {
        return SECRET_KEYS.contains(key);
    }

    /** A copy ready to store: every clear-text secret encrypted, already encrypted ones left as they are. */
    public Map<String, Object> encrypt(Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>(config);
        out.replaceAll((k, v) -> isSecret(k) && v instanceof String s && !s.isEmpty() && !SecretCipher.isEncrypted(s)
                ? cipher.encrypt(s) : v);
        return out;
    }

    /** A copy with secrets in clear text, for the one activity that connects; never log or return it. */
    public Map<String, Object> decrypt(Map<String, Object> stored) {
        Map<String, Object> out = new LinkedHashMap<>(stored);
        out.replaceAll((k, v) -> isSecret(k) && SecretCipher.isEncrypted(v) ? cipher.decrypt((String) v) : v);
        return out;
    }

    /** One secret value ready to store (left as it is when already encrypted). */
    public String encryptValue(String plain) {
        return SecretCipher.isEncrypted(plain) ? plain : cipher.encrypt(plain);
    }

    /** One stored value in clear text; a value stored before it was treated as secret comes back as it is. */
    public String decryptValue(String stored) {
        return SecretCipher.isEncrypted(stored) ? cipher.decrypt(stored) : stored;
    }

    /** A copy for API answers and logs: every present secret shown as {@value #MASK}. */
    public static Map<String, Object> mask(Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>(config);
        out.replaceAll((k, v) -> isSecret(k) && v != null && !v.toString().isEmpty() ? MASK : v);
        return out;
    }

    /**
     * The config to store after an update, merged as a JSON merge patch: keys sent replace the stored ones, keys left
     * out keep their stored value, a key sent as {@code null} is removed; so {@code {"hostKeyFingerprint": "…"}} alone
     * changes only that. A secret left out or sent back as {@value #MASK} keeps its stored value (an explicit
     * {@code null} or {@code ""} removes it). Encrypt the result before storing.
     *
     * @throws IllegalArgumentException when the target (host, bucket, URL, user…) changed and a stored secret would
     *                                  be carried over to it; the message names the key to send again, never its value
     */
    public static Map<String, Object> mergeForUpdate(Map<String, Object> oldStored, Map<String, Object> newIncoming) {
        Map<String, Object> merged = new LinkedHashMap<>(oldStored);
        newIncoming.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        for (String key : SECRET_KEYS) {
            Object incoming = newIncoming.get(key);
            boolean keep = !newIncoming.containsKey(key) || MASK.equals(incoming);
            if (!keep) {
                if (incoming == null || incoming.toString().isEmpty()) {
                    merged.remove(key);
                }
                continue;
            }
            Object stored = oldStored.get(key);
            if (stored == null) {
                merged.remove(key);
                continue;
            }
            String changed = changedTarget(oldStored, merged);
            if (changed != null) {
                throw new IllegalArgumentException("sourceConfig." + changed + " changed: send " + key
                        + " again (a stored secret is never reused for a different " + changed + ")");
            }
            merged.put(key, stored);
        }
        return merged;
    }

    private static String changedTarget(Map<String, Object> oldStored, Map<String, Object> newIncoming) {
        return TARGET_KEYS.stream()
                .filter(k -> !Objects.equals(text(oldStored.get(k)), text(newIncoming.get(k))))
                .sorted().findFirst().orElse(null);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().trim();
    }
}
