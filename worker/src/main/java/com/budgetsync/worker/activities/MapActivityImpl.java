package com.budgetsync.worker.activities;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.mapping.ColumnMapper;
import com.budgetsync.mapping.MappingResult;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.parsing.TableReader;
import com.budgetsync.parsing.UnreadableFileException;
import com.budgetsync.workflow.FileRef;
import com.budgetsync.workflow.MapActivity;
import com.budgetsync.workflow.MapOutput;
import com.budgetsync.workflow.RunInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

public class MapActivityImpl implements MapActivity {
    /** Rows of value evidence the mapper reads. */
    static final int SAMPLE_ROWS = 500;

    private final ConfigDao configs;
    private final FileStore files;
    private final SyncHistoryDao history;

    public MapActivityImpl(ConfigDao configs, FileStore files, SyncHistoryDao history) {
        this.configs = configs;
        this.files = files;
        this.history = history;
    }

    @Override
    public MapOutput map(RunInput run, FileRef ref, TableLayout layout) {
        DataSourceConfig config = ConfigLookup.of(configs, run);
        try {
            var sample = TableReader.sample(files.content(StoredFiles.of(files, ref)), layout, SAMPLE_ROWS);
            MappingResult result = new ColumnMapper().map(layout.headers(), sample,
                    MappingSettings.options(config.options()));
            List<String> drift = MappingMemory.drift(configs.mappingMemory(config.id()).orElse(null),
                    layout.headers());
            List<String> warnings = new ArrayList<>();
            drift.forEach(d -> warnings.add("header changed since the last import: " + d));
            history.recordMapping(run.syncId(), result.mapping(), warnings);
            return new MapOutput(result.mapping(), result.needsReview(), result.problems(), drift);
        } catch (UnreadableFileException e) {
            throw BadInput.of(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
