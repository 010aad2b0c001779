package com.budgetsync.worker.sources;

import com.budgetsync.domain.DataSourceConfig;
import java.util.Map;

/** Builds the source of a config from its decrypted settings ({@code SourceSecrets.decrypt}). */
public final class FileSources {
    private FileSources() {
    }

    /** Returns null for upload configs: their files arrive through the API, not by polling. */
    public static FileSource open(DataSourceConfig config, Map<String, Object> settings) {
        return switch (config.sourceType()) {
            case UPLOAD -> null;
            case LOCAL -> new LocalFolderSource(settings);
            case SFTP -> new SftpSource(settings);
            case S3 -> new S3Source(settings);
            case HTTPS -> new HttpsSource(settings);
        };
    }
}
