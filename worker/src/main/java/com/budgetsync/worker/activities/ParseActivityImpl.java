package com.budgetsync.worker.activities;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.parsing.TableReader;
import com.budgetsync.rows.MappingSettings;
import com.budgetsync.parsing.UnreadableFileException;
import com.budgetsync.workflow.FileRef;
import com.budgetsync.workflow.ParseActivity;
import com.budgetsync.workflow.RunInput;
import java.io.IOException;
import java.io.UncheckedIOException;

public class ParseActivityImpl implements ParseActivity {
    private final ConfigDao configs;
    private final FileStore files;
    private final SyncHistoryDao history;

    public ParseActivityImpl(ConfigDao configs, FileStore files, SyncHistoryDao history) {
        this.configs = configs;
        this.files = files;
        this.history = history;
    }

    @Override
    public TableLayout parse(RunInput run, FileRef ref) {
        DataSourceConfig config = ConfigLookup.of(configs, run);
        TableLayout layout = detect(files, StoredFiles.of(files, ref, config), config);
        history.recordLayout(run.syncId(), layout);
        return layout;
    }

    /** The file's layout as the config reads it (its sheet, its file pattern); an unreadable file is bad input. */
    static TableLayout detect(FileStore files, StoredFile file, DataSourceConfig config) {
        try {
            return TableReader.detect(files.content(file), MappingSettings.read(config));
        } catch (UnreadableFileException e) {
            throw BadInput.of(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
