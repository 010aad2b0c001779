package com.budgetsync.worker.sources;

import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.net.OutboundGuard;
import com.budgetsync.settings.AwsSettings;
import java.util.List;
import java.util.Map;

/** Builds the source of a config from its decrypted settings ({@code SourceSecrets.decrypt}). */
public final class FileSources {
    private FileSources() {
    }

    /** Where a source connects: checked against the {@link OutboundGuard} before any connection. */
    private static final List<String> TARGET_KEYS = List.of("host", "endpoint", "url");

    /**
     * Returns null for upload configs: their files arrive through the API, not by polling.
     *
     * @throws com.budgetsync.net.OutboundRefusedException (an IllegalArgumentException) for a host or URL on a
     *                                                     network customers may not reach
     */
    public static FileSource open(DataSourceConfig config, Map<String, Object> settings, AwsSettings aws) {
        TARGET_KEYS.forEach(key -> {
            if (settings.get(key) instanceof String target && !target.isBlank()) {
                OutboundGuard.current().checkTarget(target);
            }
        });
        return switch (config.sourceType()) {
            case UPLOAD -> null;
            case LOCAL -> new LocalFolderSource(settings);
            case SFTP -> new SftpSource(settings);
            case S3 -> new S3Source(settings, aws);
            case HTTPS -> new HttpsSource(settings);
        };
    }
}
