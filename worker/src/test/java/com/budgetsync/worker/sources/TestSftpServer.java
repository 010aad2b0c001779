package com.budgetsync.worker.sources;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/** A real SFTP server (Apache MINA SSHD) on a random loopback port, serving {@code root} to user {@code fpa}. */
public final class TestSftpServer implements AutoCloseable {
    public static final String USER = "fpa";
    public static final String PASSWORD = "Corr3ct-Horse-Battery!";

    final KeyPair hostKey = generate();
    final KeyPair userKey = generate();
    /** Password attempts the server received: 0 proves a password was never sent to it. */
    final AtomicInteger passwordAttempts = new AtomicInteger();
    private final SshServer server = SshServer.setUpDefaultServer();

    public TestSftpServer(Path root) throws Exception {
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> {
            passwordAttempts.incrementAndGet();
            return USER.equals(user) && PASSWORD.equals(password);
        });
        PublicKey authorized = userKey.getPublic();
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key,
                authorized));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The host key's fingerprint as {@code ssh-keygen -lf} prints it, computed by MINA, not by the code tested. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(hostKey.getPublic());
    }

    /** {@code key} as OpenSSH private key text, encrypted when a passphrase is given. */
    static String openSshPrivateKey(KeyPair key, String passphrase) throws Exception {
        OpenSSHKeyEncryptionContext encryption = null;
        if (passphrase != null) {
            encryption = new OpenSSHKeyEncryptionContext();
            encryption.setCipherName("AES");
            encryption.setCipherType("256");
            encryption.setCipherMode("CTR");
            encryption.setPassword(passphrase);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "budget-sync test", encryption, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws Exception {
        server.stop(true);
    }
}
