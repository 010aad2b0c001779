package com.budgetsync.worker.activities;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.worker.sources.FileSource;
import com.budgetsync.worker.sources.FileSources;
import com.budgetsync.worker.sources.SourceException;
import com.budgetsync.workflow.PollActivity;
import com.budgetsync.workflow.PollResult;
import com.budgetsync.workflow.RemoteFile;
import com.budgetsync.workflow.RunInput;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

public class PollActivityImpl implements PollActivity {
    private final ConfigDao configs;
    private final FileStore files;

    public PollActivityImpl(ConfigDao configs, FileStore files) {
        this.configs = configs;
        this.files = files;
    }

    @Override
    public PollResult poll(RunInput run) {
        DataSourceConfig config = ConfigLookup.of(configs, run);
        try (FileSource source = FileSources.open(config, config.sourceConfig())) {
            if (source == null) {
                return PollResult.none("no new file (upload configs receive files through POST /api/sync/upload)");
            }
            List<RemoteFile> listed = source.list();
            if (listed.isEmpty()) {
                return PollResult.none("no new file: nothing matches the pattern");
            }
            return listed.stream()
                    .max(Comparator.comparing(RemoteFile::lastModified).thenComparing(RemoteFile::name))
                    .filter(newest -> !files.wasImported(config.id(), newest.path(), newest.size(),
                            newest.lastModified(), newest.etag()))
                    .map(newest -> new PollResult(newest, null))
                    .orElseGet(() -> PollResult.none("no new file: the newest file was imported already"));
        } catch (SourceException e) {
            throw SourceFailures.of(e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
