package com.budgetsync.api.sftp;

import com.budgetsync.crypto.PasswordHash;
import com.budgetsync.crypto.SourceSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SFTP server budget-sync hosts (Apache MINA SSHD): customers log in with their customer id and a password or
 * key from {@code sftp_account}, each inside its own folder ({@link CustomerFolders}); SFTP only, no shell, no
 * forwarding, no links. What they drop is what their hosted {@code sftp} config polls.
 */
public final class HostedSftpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostedSftpServer.class);
    private final SshServer server = SshServer.setUpDefaultServer();

    public HostedSftpServer(String bindHost, int port, Path root, Jdbi jdbi, SourceSecrets secrets)
            throws IOException {
        SftpAccounts accounts = new SftpAccounts(jdbi);
        Files.createDirectories(root);
        server.setHost(bindHost);
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(HostKeys.loadOrCreate(jdbi, secrets)));
        server.setPasswordAuthenticator((user, password, session) -> accounts.find(user)
                .map(a -> PasswordHash.matches(password, a.passwordHash())).orElse(false));
        server.setPublickeyAuthenticator((user, key, session) -> accounts.find(user)
                .map(a -> keysOf(a).stream().anyMatch(allowed -> KeyUtils.compareKeys(allowed, key)))
                .orElse(false));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder()
                .withFileSystemAccessor(new NoLinks()).build()));
        server.setFileSystemFactory(new CustomerFolders(root));
        // no shell or exec (SshServer has none unless given factories for them), and no port or agent forwarding
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.start();
        LOG.info("hosted SFTP listening on {}:{}, customer folders in {}", bindHost, server.getPort(), root);
    }

    private static List<PublicKey> keysOf(SftpAccounts.Account account) {
        return SshKeys.parseAll(account.publicKeys() + "\n" + account.pollerKey());
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** A link could point out of the customer's folder on the real disk: refused. */
    private static final class NoLinks implements SftpFileSystemAccessor {
        @Override
        public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink)
                throws IOException {
            throw new IOException("links are not allowed on this server");
        }
    }
}
