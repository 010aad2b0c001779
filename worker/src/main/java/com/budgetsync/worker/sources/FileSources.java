package com.budgetsync.worker.sources;

import com.budgetsync.domain.DataSourceConfig;
import java.util.Map;

/** Builds the source of a config from its decrypted settings. */
public final class FileSources {
    private FileSources() {
    }

    /** Returns null for upload configs: their files arrive through the API, not by polling. */
    public static FileSource open(DataSourceConfig config, Map<String, Object> settings) throws SourceException {
        return switch (config.sourceType()) {
            case UPLOAD -> null;
            case LOCAL -> new LocalFolderSource(settings);
            case SFTP, S3, HTTPS -> throw new SourceException("source type " + config.sourceType().dbValue()
                    + " is not available in this version", false);
        };
    }
}
