package com.budgetsync.worker.activities;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.mapping.FileMapper;
import com.budgetsync.mapping.MappingResult;
import com.budgetsync.mapping.TargetField;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.parsing.UnreadableFileException;
import com.budgetsync.rows.MappingSettings;
import com.budgetsync.workflow.FileRef;
import com.budgetsync.workflow.MapActivity;
import com.budgetsync.workflow.MapOutput;
import com.budgetsync.workflow.RunInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

public class MapActivityImpl implements MapActivity {
    private static final int COLUMNS_NAMED = 30;
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
        StoredOptions.requireReadable(config);
        StoredFile file = StoredFiles.of(files, ref, config);
        MappingResult result = mapFile(files, file, layout, config);
        List<String> drift = MappingMemory.drift(configs.mappingMemory(config.id()).orElse(null), layout.headers());
        List<String> warnings = new ArrayList<>();
        drift.forEach(d -> warnings.add("header changed since the last import: " + d));
        history.recordMapping(run.syncId(), result.mapping(), warnings, result.questions());
        return new MapOutput(result.mapping(), result.needsReview(), result.problems(), drift, result.questions());
    }

    /** The file's mapping with the config's settings; a required column missing is bad input. */
    static MappingResult mapFile(FileStore files, StoredFile file, TableLayout layout, DataSourceConfig config) {
        try {
            // The same sample, file name and title rows the preview reads, so both map a file alike.
            MappingResult result = FileMapper.map(files.content(file), layout,
                    MappingSettings.options(config.options()));
            failIfRequiredColumnMissing(file.filename(), layout, result);
            return result;
        } catch (UnreadableFileException e) {
            throw BadInput.of(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file without a column for a required field is bad input (fails at once); a doubtful one goes to review. */
    private static void failIfRequiredColumnMissing(String filename, TableLayout layout, MappingResult result) {
        List<String> missing = Arrays.stream(TargetField.values())
                .filter(f -> f.required() && result.mapping().get(f) == null)
                .map(TargetField::jsonName).toList();
        if (!missing.isEmpty()) {
            // The mapper's own account of each missing field: which columns came closest and why they were refused.
            String why = result.questions().stream().filter(q -> missing.contains(q.field().jsonName()))
                    .map(q -> " " + q.question()).collect(Collectors.joining());
            throw BadInput.of(filename + ": no column found for required field " + String.join(", ", missing)
                    + " (columns: " + listed(layout.headers()) + ")." + why);
        }
    }

    /** The first columns by name and how many more: a 20,000-column file must not make a 150 KB message. */
    private static String listed(List<String> headers) {
        String first = String.join(", ", headers.subList(0, Math.min(headers.size(), COLUMNS_NAMED)));
        return headers.size() <= COLUMNS_NAMED ? first
                : String.format(Locale.ROOT, "%s and %,d more", first, headers.size() - COLUMNS_NAMED);
    }
}
