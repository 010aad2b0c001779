package com.budgetsync.worker.sources;

import com.budgetsync.domain.ImportedFile;
import com.budgetsync.workflow.ConnectionReport;
import com.budgetsync.workflow.PollResult;
import com.budgetsync.workflow.RemoteFile;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * Connects with a config and reports what it saw, without taking anything: one listing (no settle wait, no content
 * hashing, so it answers within a request), nothing downloaded, moved or deleted.
 */
public final class SourceTester {
    /** How many files the report lists; the count of all matching files is always given. */
    static final int MAX_FILES_SHOWN = 50;

    private final Clock clock;

    public SourceTester(Clock clock) {
        this.clock = clock;
    }

    public ConnectionReport test(FileSource source, PollSettings settings, List<ImportedFile> imported) {
        List<RemoteFile> listing;
        try {
            listing = source.list();
        } catch (SourceException e) {
            return failed(source, e.getMessage(), e.stage());
        } catch (IOException | RuntimeException e) {
            return failed(source, String.valueOf(e.getMessage()), SourceException.Stage.CONNECT);
        }
        List<RemoteFile> matching = listing.stream().filter(f -> settings.isWanted(f.name()))
                .sorted(FilePicker.NEWEST_FIRST).toList();
        PollResult next = FilePicker.pick(listing, listing, imported, settings, clock.instant());
        return new ConnectionReport(true, true, fingerprint(source),
                matching.stream().limit(MAX_FILES_SHOWN)
                        .map(f -> new ConnectionReport.FileSeen(f.name(), f.size(), f.lastModified())).toList(),
                matching.size(), next.hasFile() ? next.file().name() : null, next.reason(), null);
    }

    private static ConnectionReport failed(FileSource source, String message, SourceException.Stage stage) {
        return new ConnectionReport(stage != SourceException.Stage.CONNECT,
                stage == SourceException.Stage.AFTER_LOGIN, fingerprint(source), List.of(), 0, null, null, message);
    }

    private static String fingerprint(FileSource source) {
        return source.hostKeyFingerprintSeen();
    }
}
