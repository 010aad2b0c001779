package com.budgetsync.worker.sources;

import com.budgetsync.net.OutboundGuard;
import com.budgetsync.net.OutboundRefusedException;
import com.budgetsync.workflow.RemoteFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordUtils;

/**
 * An SFTP folder. Keys: {@code host}, {@code port} (22), {@code username}, {@code password} or {@code privateKey}
 * (PEM/OpenSSH text, optional {@code passphrase}), {@code remotePath} (the login folder), {@code filePattern},
 * {@code hostKeyFingerprint} ({@code SHA256:…}, required) and the {@link SourceLimits}. Connects on first use, once
 * per instance.
 */
public final class SftpSource implements FileSource {
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String privateKey;
    private final String passphrase;
    private final String remotePath;
    private final PollSettings settings;
    private final HostKeyPin hostKey;
    private final SourceLimits limits;
    /** Made with the source: setting sshj up takes seconds the first time, which is not the server's silence. */
    private final SSHClient ssh = new SSHClient(new DefaultConfig());
    private SFTPClient sftp;
    private volatile boolean aborted;

    public SftpSource(Map<String, Object> config) {
        this(config, SourceLimits.of(config));
    }

    public SftpSource(Map<String, Object> config, SourceLimits limits) {
        this.host = ConfigValues.required(config, "host", "sftp");
        this.port = (int) ConfigValues.number(config, "port", 22);
        this.username = ConfigValues.required(config, "username", "sftp");
        this.password = ConfigValues.secret(config, "password");
        this.privateKey = ConfigValues.secret(config, "privateKey");
        this.passphrase = ConfigValues.secret(config, "passphrase");
        if (password == null && privateKey == null) {
            throw new IllegalArgumentException("sftp source needs sourceConfig.password or sourceConfig.privateKey");
        }
        String path = ConfigValues.text(config, "remotePath", ".");
        this.remotePath = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.settings = PollSettings.of(config);
        this.hostKey = new HostKeyPin(ConfigValues.text(config, "hostKeyFingerprint", null));
        this.limits = limits;
    }

    @Override
    public String hostKeyFingerprintSeen() {
        return hostKey.seen();
    }

    @Override
    public List<RemoteFile> list() throws IOException {
        List<RemoteResourceInfo> entries;
        try {
            entries = sftp().ls(remotePath);
        } catch (SFTPException e) {
            throw folderError(e);
        }
        List<RemoteFile> files = new ArrayList<>();
        for (RemoteResourceInfo entry : entries) {
            if (entry.isRegularFile() && settings.isListed(entry.getName())) {
                files.add(new RemoteFile(entry.getPath(), entry.getName(), entry.getAttributes().getSize(),
                        Instant.ofEpochSecond(entry.getAttributes().getMtime()), null));
            }
        }
        return files;
    }

    @Override
    public InputStream open(RemoteFile file) throws IOException {
        net.schmizz.sshj.sftp.RemoteFile handle;
        try {
            handle = sftp().open(file.path());
        } catch (SFTPException e) {
            if (e.getStatusCode() == Response.StatusCode.NO_SUCH_FILE) {
                throw new SourceException("file disappeared before it could be read: " + file.path(), true, e);
            }
            throw new SourceException("cannot read " + file.path() + " on " + where() + ": " + e.getMessage(),
                    e.getStatusCode() != Response.StatusCode.PERMISSION_DENIED, e);
        }
        // Closing the stream releases the server-side handle, once: callers such as FileStore close it too, and a
        // second close of a released handle is an error on the server.
        return new FilterInputStream(handle.new ReadAheadRemoteFileInputStream(16)) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    handle.close();
                }
            }
        };
    }

    @Override
    public void afterImport(RemoteFile file) throws IOException {
        SFTPClient client = sftp();
        Archiver.apply(settings.afterImport(), file, new Archiver.Operations() {
            @Override
            public boolean exists(String path) throws IOException {
                return client.statExistence(path) != null;
            }

            @Override
            public void move(String from, String to) throws IOException {
                client.mkdirs(to.substring(0, to.lastIndexOf('/')));
                client.rename(from, to);
            }

            @Override
            public void delete(String path) throws IOException {
                client.rm(path);
            }
        });
    }

    @Override
    public void close() throws IOException {
        try {
            if (sftp != null) {
                sftp.close();
            }
        } finally {
            ssh.disconnect(); // also after a failed handshake: it closes the socket
        }
    }

    /**
     * Only the socket: a server that never sent its greeting leaves sshj not yet "connected", so disconnect() would
     * not wake the reader, and it may wait on locks the reader holds. The caller's close() disconnects afterwards.
     */
    @Override
    public void abort(String why) {
        aborted = true;
        try {
            if (ssh.getSocket() != null) {
                ssh.getSocket().close();
            }
        } catch (IOException e) {
            // closing only wakes the reader up
        }
    }

    private SFTPClient sftp() throws IOException {
        if (sftp == null) {
            connect();
            sftp = ssh.newSFTPClient();
            sftp.getSFTPEngine().setTimeoutMs((int) limits.socketTimeout().toMillis());
        }
        return sftp;
    }

    private void connect() throws IOException {
        ssh.setConnectTimeout((int) limits.connect().toMillis());
        ssh.setTimeout((int) limits.socketTimeout().toMillis());
        ssh.getTransport().setTimeoutMs((int) limits.socketTimeout().toMillis());
        ssh.addHostKeyVerifier(hostKey);
        if (aborted) { // before there was a socket to close
            throw new SourceException("aborted before connecting to " + where(), true, SourceException.Stage.CONNECT,
                    null);
        }
        try {
            // to the very address the guard checked: a DNS answer changed since then cannot redirect the login
            ssh.connect(OutboundGuard.current().check(host)[0], port);
        } catch (OutboundRefusedException e) {
            throw new SourceException(e.getMessage(), false, SourceException.Stage.CONNECT, null);
        } catch (TransportException e) {
            throw hostKeyError(e);
        } catch (UnknownHostException e) {
            throw SourceException.unreachable(where(), "unknown host " + host, e);
        } catch (ConnectException e) {
            throw SourceException.unreachable(where(), "connection refused", e);
        } catch (SocketTimeoutException e) {
            throw SourceException.unreachable(where(), "timed out after " + limits.connect().toSeconds() + " s", e);
        } catch (IOException e) {
            throw SourceException.unreachable(where(), String.valueOf(e.getMessage()), e);
        }
        try {
            if (privateKey != null) {
                ssh.authPublickey(username, key());
            } else {
                ssh.authPassword(username, password.toCharArray());
            }
        } catch (UserAuthException e) {
            throw SourceException.authenticationFailed(username, where(), null);
        }
    }

    private KeyProvider key() throws SourceException {
        try {
            KeyProvider provider = ssh.loadKeys(privateKey, null,
                    passphrase == null ? null : PasswordUtils.createOneOff(passphrase.toCharArray()));
            provider.getPrivate(); // parse now, so a bad key or passphrase is reported as such
            return provider;
        } catch (IOException | RuntimeException e) {
            throw SourceException.authenticationFailed(username, where(),
                    "privateKey could not be read (wrong passphrase, or not a PEM/OpenSSH private key)");
        }
    }

    private SourceException hostKeyError(TransportException e) {
        String seen = hostKey.seen();
        if (seen == null) {
            return SourceException.unreachable(where(), String.valueOf(e.getMessage()), e);
        }
        if (!hostKey.isPinned()) {
            return new SourceException("host key not pinned for " + where() + ": the server presented " + seen
                    + "; check it with the server's administrator and set hostKeyFingerprint to it", false,
                SourceException.Stage.LOGIN, null);
        }
        return new SourceException("host key mismatch for " + where() + ": the server presented " + seen
                + ", not the pinned hostKeyFingerprint; refusing to connect (possible man-in-the-middle). Update the"
                + " pin only if the server's key was deliberately changed", false, SourceException.Stage.LOGIN, null);
    }

    private SourceException folderError(SFTPException e) {
        Response.StatusCode code = e.getStatusCode();
        if (code == Response.StatusCode.NO_SUCH_FILE || code == Response.StatusCode.NO_SUCH_PATH) {
            return new SourceException("directory not found: " + remotePath + " on " + where(), false, e);
        }
        if (code == Response.StatusCode.PERMISSION_DENIED) {
            return new SourceException("permission denied: " + username + " cannot list " + remotePath + " on "
                    + where(), false, e);
        }
        return new SourceException("cannot list " + remotePath + " on " + where() + ": " + e.getMessage(), true, e);
    }

    @Override
    public String where() {
        return host + ":" + port;
    }
}
