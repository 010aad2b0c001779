package com.budgetsync.api.sftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/** SSH keys as hosted SFTP keeps them: OpenSSH public key lines, fingerprints as ssh-keygen prints them. */
public final class SshKeys {
    private SshKeys() {
    }

    /** ECDSA P-256: every OpenSSH client and sshj take it, and the JDK makes it without extra libraries. */
    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC keys are part of every JDK", e);
        }
    }

    /** {@code ecdsa-sha2-nistp256 AAAA...}, as in authorized_keys. */
    static String line(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }

    /** The private key as an unencrypted OpenSSH key file, the form an sftp config's privateKey takes. */
    static String openSshPrivateKey(KeyPair key) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "budget-sync hosted drop poller", null, out);
            return out.toString(StandardCharsets.US_ASCII);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write a key just made", e);
        }
    }

    static String pkcs8(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static KeyPair fromStored(String pkcs8, String publicLine) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
            return new KeyPair(parse(publicLine), privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored SFTP host key is damaged", e);
        }
    }

    /** One authorized_keys line (type, key, optional comment); a line that is not one is refused in words. */
    public static PublicKey parse(String line) {
        try {
            AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line.trim());
            PublicKey key = entry == null ? null : entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
            if (key == null) {
                throw new IllegalArgumentException("empty");
            }
            return key;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String shown = line.length() > 40 ? line.substring(0, 40) + "…" : line;
            throw new IllegalArgumentException("'" + shown + "' is not an OpenSSH public key line (the contents of"
                    + " id_ed25519.pub, id_ecdsa.pub or id_rsa.pub: type, key, optional comment)", e);
        }
    }

    /** Every line of a stored list (newline-separated), skipping blanks. */
    static List<PublicKey> parseAll(String lines) {
        List<PublicKey> keys = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (!line.isBlank()) {
                keys.add(parse(line));
            }
        }
        return keys;
    }
}
