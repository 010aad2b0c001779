package com.budgetsync.corpus;

import com.budgetsync.corpus.CorpusVerdict.Outcome;
import com.budgetsync.db.Json;
import com.budgetsync.mapping.FileMapper;
import com.budgetsync.mapping.MappingOptions;
import com.budgetsync.mapping.MappingResult;
import com.budgetsync.normalize.NormalizeOptions;
import com.budgetsync.parsing.FileContent;
import com.budgetsync.parsing.ReadOptions;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.parsing.TableReader;
import com.budgetsync.rows.MappingPreview;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The development corpus of real, published budget files ({@code src/test/resources/corpus/real}, answers in
 * {@code answers.json}), run through the production reading path: layout detection, then {@link FileMapper} with the
 * import's sample, file name and title rows.
 */
final class RealCorpus {
    static final Path DIR = Path.of("src/test/resources/corpus/real");

    /** One file's outcome, how long detect + map took, and how long the full preview took. */
    record Run(CorpusAnswer answer, MappingResult result, CorpusVerdict verdict, String error, double mapMillis,
               double previewMillis) {
        Outcome outcome() {
            return verdict == null ? Outcome.REVIEW : verdict.outcome();
        }
    }

    private RealCorpus() {
    }

    static List<CorpusAnswer> answers(Path dir) {
        Path file = dir.resolve("answers.json");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            JsonNode entries = root.isArray() ? root : root.path("files");
            List<CorpusAnswer> answers = new ArrayList<>();
            entries.forEach(n -> answers.add(CorpusAnswer.of(n)));
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Maps one file; an unreadable file is not right, but never wrong-confident either (the run fails loudly).
     */
    static Run run(Path dir, CorpusAnswer answer) {
        FileContent file = FileContent.of(dir.resolve(answer.file()));
        try {
            long start = System.nanoTime();
            TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
            MappingResult result = FileMapper.map(file, layout, MappingOptions.DEFAULT);
            double mapMillis = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            MappingPreview.of(file, ReadOptions.DEFAULT, MappingOptions.DEFAULT, NormalizeOptions.DEFAULT);
            double previewMillis = (System.nanoTime() - start) / 1e6;
            return new Run(answer, result, CorpusVerdict.judge(answer, result), null, mapMillis, previewMillis);
        } catch (IOException | RuntimeException e) {
            return new Run(answer, null, null, e.getClass().getSimpleName() + ": " + e.getMessage(), 0, 0);
        }
    }
}
