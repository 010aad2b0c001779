package com.budgetsync.worker.activities;

import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.FileTooLargeException;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.settings.AwsSettings;
import com.budgetsync.worker.sources.FileSource;
import com.budgetsync.worker.sources.PollSettings;
import com.budgetsync.worker.sources.SourceException;
import com.budgetsync.workflow.DownloadActivity;
import com.budgetsync.workflow.FileRef;
import com.budgetsync.workflow.RemoteFile;
import com.budgetsync.workflow.RunInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

public class DownloadActivityImpl implements DownloadActivity {
    private final ConfigDao configs;
    private final FileStore files;
    private final SyncHistoryDao history;
    private final SourceSecrets secrets;
    private final AwsSettings aws;
    private final long maxFileBytes;

    /** {@code maxFileBytes} is the worker's ceiling; a config's {@code maxFileBytes} may only lower it. */
    public DownloadActivityImpl(ConfigDao configs, FileStore files, SyncHistoryDao history, SourceSecrets secrets,
                                AwsSettings aws, long maxFileBytes) {
        this.configs = configs;
        this.files = files;
        this.history = history;
        this.secrets = secrets;
        this.aws = aws;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public FileRef download(RunInput run, RemoteFile remote) {
        // A retry after the file was stored takes the stored copy instead of fetching it again.
        var recorded = history.find(run.syncId()).filter(r -> r.fileId() != null).flatMap(r -> files.find(r.fileId()));
        if (recorded.isPresent()) {
            return ref(recorded.get());
        }
        DataSourceConfig config = ConfigLookup.of(configs, run);
        Map<String, Object> settings = secrets.decrypt(config.sourceConfig());
        long limit = Math.min(maxFileBytes, PollSettings.of(settings).maxFileBytes());
        try (FileSource source = PollActivityImpl.open(config, settings, aws);
             InputStream in = source.open(remote)) {
            StoredFile stored = files.store(run.customerId(), config.id(), remote.name(), in, limit,
                    new FileStore.Origin(remote.path(), remote.lastModified(), remote.etag()));
            history.attachFile(run.syncId(), stored.id(), stored.filename());
            return ref(stored);
        } catch (FileTooLargeException e) {
            throw BadInput.of(e.getMessage());
        } catch (SourceException e) {
            throw SourceFailures.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterImport(RunInput run, RemoteFile remote) {
        DataSourceConfig config = ConfigLookup.of(configs, run);
        Map<String, Object> settings = secrets.decrypt(config.sourceConfig());
        if (PollSettings.of(settings).afterImport() == PollSettings.AfterImport.KEEP) {
            return; // nothing to do: no connection
        }
        try (FileSource source = PollActivityImpl.open(config, settings, aws)) {
            source.afterImport(remote);
        } catch (SourceException e) {
            throw SourceFailures.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FileRef ref(StoredFile f) {
        return new FileRef(f.id(), f.filename(), f.sizeBytes(), f.sha256());
    }
}
