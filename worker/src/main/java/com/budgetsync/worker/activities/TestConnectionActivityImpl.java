package com.budgetsync.worker.activities;

import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.ImportedFileDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.settings.AwsSettings;
import com.budgetsync.worker.sources.FileSource;
import com.budgetsync.worker.sources.PollSettings;
import com.budgetsync.worker.sources.SourceTester;
import com.budgetsync.workflow.ConnectionReport;
import com.budgetsync.workflow.TestConnectionActivity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Opens the config's source with its decrypted settings and lists it once ({@link SourceTester}). */
public final class TestConnectionActivityImpl implements TestConnectionActivity {
    /** Within the workflow's 45 s for the activity, so the report, not a timeout, answers the person waiting. */
    static final Duration DEADLINE = Duration.ofSeconds(40);

    private final ConfigDao configs;
    private final ImportedFileDao imported;
    private final SourceSecrets secrets;
    private final AwsSettings aws;
    private final Clock clock;

    public TestConnectionActivityImpl(ConfigDao configs, ImportedFileDao imported, SourceSecrets secrets,
                                      AwsSettings aws, Clock clock) {
        this.configs = configs;
        this.imported = imported;
        this.secrets = secrets;
        this.aws = aws;
        this.clock = clock;
    }

    @Override
    public ConnectionReport testConnection(long configId) {
        DataSourceConfig config = configs.find(configId)
                .orElseThrow(() -> BadInput.of("config " + configId + " not found"));
        Map<String, Object> settings = secrets.decrypt(config.sourceConfig());
        // a refused address or an incomplete config is bad input: the person's to fix
        try (FileSource source = PollActivityImpl.open(config, settings, aws, DEADLINE)) {
            if (source == null) {
                throw BadInput.of("config " + configId + " is an upload config: there is no source to test");
            }
            return new SourceTester(clock).test(source, PollSettings.of(settings), imported.list(configId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
