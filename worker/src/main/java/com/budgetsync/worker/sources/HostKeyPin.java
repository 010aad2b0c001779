package com.budgetsync.worker.sources;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Accepts an SFTP server only when its host key has the pinned OpenSSH {@code SHA256:…} fingerprint (what
 * {@code ssh-keygen -lf} prints), and remembers the fingerprint it saw so a connection test can show it for pinning.
 * With no pin every server is refused: credentials are never sent to an unverified server.
 */
final class HostKeyPin implements HostKeyVerifier {
    private final String pinned;
    private volatile String seen;

    HostKeyPin(String pinnedFingerprint) {
        this.pinned = pinnedFingerprint == null ? null : normalize(pinnedFingerprint);
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        seen = fingerprint(key);
        return pinned != null && normalize(seen).equals(pinned);
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return List.of();
    }

    boolean isPinned() {
        return pinned != null;
    }

    /** The fingerprint the server presented, or null when the handshake did not get that far. */
    String seen() {
        return seen;
    }

    /** {@code SHA256:} + unpadded base64 of the SHA-256 of the SSH public key blob, as OpenSSH prints it. */
    static String fingerprint(PublicKey key) {
        try {
            byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tolerates what people paste: surrounding spaces, base64 padding, "sha256:" in lower case. */
    private static String normalize(String fingerprint) {
        String value = fingerprint.trim();
        if (value.regionMatches(true, 0, "SHA256:", 0, 7)) {
            value = value.substring(7);
        }
        return "SHA256:" + value.replaceAll("=+$", "");
    }
}
