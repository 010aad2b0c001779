package com.budgetsync.worker.activities;

import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.ImportedFileDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.settings.AwsSettings;
import com.budgetsync.worker.ActivityProgress;
import com.budgetsync.worker.sources.FileSource;
import com.budgetsync.worker.sources.FileSources;
import com.budgetsync.worker.sources.PollSettings;
import com.budgetsync.worker.sources.SourceException;
import com.budgetsync.worker.sources.SourceLimits;
import com.budgetsync.worker.sources.SourcePoller;
import com.budgetsync.workflow.PollActivity;
import com.budgetsync.workflow.PollResult;
import com.budgetsync.workflow.RunInput;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Picks the file a run takes (see {@link SourcePoller}); the config's secrets are decrypted only here, in memory. */
public class PollActivityImpl implements PollActivity {
    private final ConfigDao configs;
    private final ImportedFileDao imported;
    private final SourceSecrets secrets;
    private final AwsSettings aws;
    private final SourcePoller poller;

    public PollActivityImpl(ConfigDao configs, ImportedFileDao imported, SourceSecrets secrets, AwsSettings aws,
                            Clock clock) {
        this.configs = configs;
        this.imported = imported;
        this.secrets = secrets;
        this.aws = aws;
        this.poller = new SourcePoller(clock);
    }

    @Override
    public PollResult poll(RunInput run) {
        DataSourceConfig config = ConfigLookup.of(configs, run);
        Map<String, Object> settings = secrets.decrypt(config.sourceConfig());
        try (FileSource source = open(config, settings, aws)) {
            if (source == null) {
                return PollResult.none("no new file (upload configs receive files through POST /api/sync/upload)");
            }
            return poller.poll(source, PollSettings.of(settings), imported.list(config.id()));
        } catch (SourceException e) {
            throw SourceFailures.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("interrupted while polling", "Interrupted");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A config the source rejects (missing host, bad number…) is bad input: retrying cannot fix it. */
    static FileSource open(DataSourceConfig config, Map<String, Object> settings, AwsSettings aws) {
        return open(config, settings, aws, SourceLimits.DEFAULT_DEADLINE);
    }

    /**
     * The source under its limits, its bytes counted as this activity's progress, and closed should Temporal
     * abandon the attempt (see HeartbeatInterceptor).
     */
    static FileSource open(DataSourceConfig config, Map<String, Object> settings, AwsSettings aws,
                           Duration deadlineAtMost) {
        ActivityProgress progress = ActivityProgress.current();
        FileSource source;
        try {
            source = FileSources.open(config, settings, aws, progress::bytes, deadlineAtMost);
        } catch (IllegalArgumentException e) {
            throw BadInput.of(e.getMessage());
        }
        if (source != null) {
            progress.bytes(0); // from now on a heartbeat needs bytes: waiting for a silent server is no progress
            progress.onAbandon(source::abort);
        }
        return source;
    }
}
