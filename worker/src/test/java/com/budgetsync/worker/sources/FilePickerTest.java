package com.budgetsync.worker.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.budgetsync.domain.ImportedFile;
import com.budgetsync.workflow.PollResult;
import com.budgetsync.workflow.RemoteFile;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilePickerTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private static RemoteFile file(String name, long size, int minutesAgo) {
        return new RemoteFile("/exports/" + name, name, size, NOW.minusSeconds(minutesAgo * 60L), null);
    }

    private static PollSettings settings(Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return PollSettings.of(config);
    }

    private static PollResult pick(List<RemoteFile> listing, List<ImportedFile> imported, PollSettings settings) {
        return FilePicker.pick(listing, listing, imported, settings, NOW);
    }

    private static ImportedFile importedAs(RemoteFile f) {
        return new ImportedFile(f.name(), f.path(), f.size(), f.lastModified(), f.etag(), "abc");
    }

    @Test
    void takesTheNewestMatchingFile() {
        List<RemoteFile> listing = List.of(file("budget-0301.csv", 10, 1440), file("budget-0302.xlsx", 12, 30),
                file("notes.txt", 5, 1), file("budget-0228.csv", 9, 2880));
        assertEquals("budget-0302.xlsx", pick(listing, List.of(), settings()).file().name());
    }

    @Test
    void emptyFolderIsNoNewFile() {
        assertEquals(PollResult.none("no new file"), pick(List.of(), List.of(), settings()));
        assertEquals(PollResult.none("no new file"), pick(List.of(file("readme.txt", 1, 90)), List.of(), settings()));
    }

    @Test
    void alreadyImportedNewestIsNoNewFileAndOlderOnesAreNeverTaken() {
        RemoteFile older = file("budget-0301.csv", 10, 1440);
        RemoteFile newest = file("budget-0302.csv", 12, 30);
        PollResult result = pick(List.of(older, newest), List.of(importedAs(newest)), settings());
        assertEquals(PollResult.none("no new file"), result);
        // today's file was archived after import: yesterday's, still there, is stale and not new
        assertEquals(PollResult.none("no new file"), pick(List.of(older), List.of(importedAs(newest)), settings()));
    }

    @Test
    void aNewFileDroppedInTheSameSecondAsTheImportedOneIsTaken() {
        RemoteFile imported = file("budget.csv", 10, 120);
        RemoteFile copy = file("budget-copy.csv", 10, 120);
        assertEquals("budget-copy.csv", pick(List.of(imported, copy), List.of(importedAs(imported)), settings())
                .file().name());
        assertEquals("budget-copy.csv", pick(List.of(copy, imported), List.of(importedAs(imported)), settings())
                .file().name());
    }

    @Test
    void aReplacedFileWithTheSameNameIsNew() {
        RemoteFile before = file("budget.csv", 10, 1440);
        RemoteFile rewritten = file("budget.csv", 11, 30);
        assertEquals(rewritten, pick(List.of(rewritten), List.of(importedAs(before)), settings()).file());
    }

    @Test
    void etagDecidesWhenTheSourceHasOne() {
        RemoteFile v1 = new RemoteFile("exports/b.csv", "b.csv", 10, NOW.minusSeconds(3600), "\"e1\"");
        RemoteFile v2 = new RemoteFile("exports/b.csv", "b.csv", 10, NOW.minusSeconds(3600), "\"e2\"");
        assertFalse(pick(List.of(v1), List.of(importedAs(v1)), settings()).hasFile());
        assertEquals(v2, pick(List.of(v2), List.of(importedAs(v1)), settings()).file());
    }

    @Test
    void aFileYoungerThanTheSettleTimeIsNotTakenYet() {
        RemoteFile fresh = new RemoteFile("/exports/b.csv", "b.csv", 10, NOW.minusSeconds(20), null);
        assertEquals(PollResult.none("no new file: b.csv is still being written (changed 20 s ago, settle time 60 s)"),
                pick(List.of(fresh), List.of(), settings()));
        assertEquals(fresh, pick(List.of(fresh), List.of(), settings("settleSeconds", 10)).file());
    }

    @Test
    void aFileWhoseSizeChangedBetweenTwoLooksIsNotTakenYet() {
        RemoteFile first = file("b.csv", 10, 5);
        RemoteFile grown = file("b.csv", 4096, 5);
        assertEquals(PollResult.none("no new file: b.csv is still being written (its size changed between two looks)"),
                FilePicker.pick(List.of(first), List.of(grown), List.of(), settings(), NOW));
        assertEquals(grown, FilePicker.pick(List.of(grown), List.of(grown), List.of(), settings(), NOW).file());
    }

    @Test
    void withRequireMarkerOnlyAMarkedFileIsTakenWhateverItsAge() {
        PollSettings markers = settings("requireMarker", true);
        RemoteFile fresh = new RemoteFile("/exports/b.csv", "b.csv", 10, NOW.minusSeconds(1), null);
        assertEquals(PollResult.none("no new file: b.csv is waiting for its marker b.csv.done or b.csv.ok"),
                pick(List.of(fresh), List.of(), markers));
        RemoteFile marker = new RemoteFile("/exports/b.csv.ok", "b.csv.ok", 0, NOW, null);
        assertEquals(fresh, pick(List.of(fresh, marker), List.of(), markers).file());
        assertEquals(true, markers.isListed("b.csv.done"));
        assertEquals(false, settings().isListed("b.csv.done"));
    }

    @Test
    void filePatternNarrowsTheChoice() {
        List<RemoteFile> listing = List.of(file("budget-0301.csv", 10, 1440), file("other-0302.csv", 12, 30));
        assertEquals("budget-0301.csv", pick(listing, List.of(), settings("filePattern", "budget-*.csv")).file().name());
    }
}
