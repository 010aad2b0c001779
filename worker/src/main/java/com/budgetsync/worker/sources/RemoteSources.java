package com.budgetsync.worker.sources;

import com.budgetsync.domain.SourceType;
import java.util.Map;
import java.util.Optional;

/**
 * The network sources by {@code sourceType}. Takes the config with its secrets already decrypted
 * ({@code SourceSecrets.decrypt}), so call it only inside the activity that connects.
 */
public final class RemoteSources {
    private RemoteSources() {
    }

    /** The source for {@code type}, or empty for types that are not network sources (local, upload). */
    public static Optional<FileSource> create(SourceType type, Map<String, Object> decryptedConfig) {
        return Optional.ofNullable(switch (type) {
            case SFTP -> new SftpSource(decryptedConfig);
            case S3 -> new S3Source(decryptedConfig);
            case HTTPS -> new HttpsSource(decryptedConfig);
            case LOCAL, UPLOAD -> null;
        });
    }
}
