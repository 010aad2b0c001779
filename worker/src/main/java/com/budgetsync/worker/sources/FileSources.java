package com.budgetsync.worker.sources;

import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SourceType;
import com.budgetsync.net.OutboundGuard;
import com.budgetsync.settings.AwsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

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
        return open(config, settings, aws, bytes -> { }, SourceLimits.DEFAULT_DEADLINE);
    }

    /**
     * A network source comes under watch ({@link WatchedSource}): its silence and its whole use are limited by the
     * config's {@link SourceLimits}, the deadline no later than {@code deadlineAtMost}.
     *
     * @param bytesSoFar told the bytes read so far from opened files
     */
    public static FileSource open(DataSourceConfig config, Map<String, Object> settings, AwsSettings aws,
                                  LongConsumer bytesSoFar, Duration deadlineAtMost) {
        TARGET_KEYS.forEach(key -> {
            if (settings.get(key) instanceof String target && !target.isBlank()) {
                OutboundGuard.current().checkTarget(target);
            }
        });
        SourceLimits limits = SourceLimits.of(settings).withDeadlineAtMost(deadlineAtMost);
        // after the guard: the operator's own endpoint is not a customer's target
        Map<String, Object> s3 = config.sourceType() == SourceType.S3 && ProvidedBucket.isProvided(settings)
                ? ProvidedBucket.settings(config.customerId(), settings, aws) : settings;
        return switch (config.sourceType()) {
            case UPLOAD -> null;
            case LOCAL -> new LocalFolderSource(settings);
            case SFTP -> new WatchedSource(new SftpSource(settings, limits), limits, bytesSoFar);
            case S3 -> new WatchedSource(new S3Source(s3, aws, limits), limits, bytesSoFar);
            case HTTPS -> {
                HttpsSource https = new HttpsSource(settings, limits);
                WatchedSource watched = new WatchedSource(https, limits, bytesSoFar);
                https.signsOfLife(watched::received);
                yield watched;
            }
        };
    }
}
