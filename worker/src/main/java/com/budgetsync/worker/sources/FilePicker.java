package com.budgetsync.worker.sources;

import com.budgetsync.domain.ImportedFile;
import com.budgetsync.workflow.PollResult;
import com.budgetsync.workflow.RemoteFile;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the file a poll takes. Only the newest data file can be taken: an older one, even never imported, would
 * overwrite newer budgets with stale figures (for the same reason a file older than the last imported one is never
 * new, e.g. yesterday's export left behind after today's was archived). It is taken when it is new (not imported
 * before by place and version) and complete: its marker exists when markers are required, otherwise it is older than the settle time and kept
 * its size between two listings.
 */
public final class FilePicker {
    public static final String NO_NEW_FILE = "no new file";
    static final Comparator<RemoteFile> NEWEST_FIRST = Comparator.comparing(RemoteFile::lastModified,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(RemoteFile::name).reversed();

    private FilePicker() {
    }

    /**
     * @param firstLook  a listing taken {@code settleCheck} before {@code secondLook} (the same list when markers are
     *                   required or the check is 0)
     * @param imported   what this config imported before
     */
    public static PollResult pick(List<RemoteFile> firstLook, List<RemoteFile> secondLook,
                                  Collection<ImportedFile> imported, PollSettings settings, Instant now) {
        // Imported versions are left out before choosing: a new file dropped in the same second as the last one
        // (object stores keep whole seconds) must not hide behind it.
        Optional<RemoteFile> newest = secondLook.stream().filter(f -> settings.isWanted(f.name()))
                .filter(f -> imported.stream().noneMatch(done -> sameVersion(done, f)))
                .min(NEWEST_FIRST);
        if (newest.isEmpty()) {
            return PollResult.none(NO_NEW_FILE);
        }
        RemoteFile file = newest.get();
        if (imported.stream().anyMatch(done -> newerThan(done, file))) {
            return PollResult.none(NO_NEW_FILE);
        }
        String waiting = settings.requireMarker() ? missingMarker(file, secondLook) : unsettled(file, firstLook,
                settings.settle(), now);
        return waiting == null ? new PollResult(file, "newest new file")
                : PollResult.none(NO_NEW_FILE + ": " + file.name() + " " + waiting);
    }

    /** Same place, and same ETag when the source has one, else the same size and modification time. */
    static boolean sameVersion(ImportedFile done, RemoteFile file) {
        String donePath = done.sourcePath() != null ? done.sourcePath() : done.filename();
        if (!Objects.equals(donePath, file.path())) {
            return false;
        }
        if (file.etag() != null && done.sourceEtag() != null) {
            return file.etag().equals(done.sourceEtag());
        }
        return done.size() == file.size() && done.sourceModified() != null
                && done.sourceModified().equals(file.lastModified());
    }

    private static boolean newerThan(ImportedFile done, RemoteFile file) {
        return done.sourceModified() != null && file.lastModified() != null
                && done.sourceModified().isAfter(file.lastModified());
    }

    private static String missingMarker(RemoteFile file, List<RemoteFile> listing) {
        Set<String> names = listing.stream().map(RemoteFile::name).collect(Collectors.toSet());
        boolean marked = PollSettings.MARKER_SUFFIXES.stream().anyMatch(s -> names.contains(file.name() + s));
        return marked ? null : "is waiting for its marker " + file.name() + ".done or " + file.name() + ".ok";
    }

    private static String unsettled(RemoteFile file, List<RemoteFile> firstLook, Duration settle, Instant now) {
        if (file.lastModified() != null) {
            Duration age = Duration.between(file.lastModified(), now);
            if (age.compareTo(settle) < 0) {
                return "is still being written (changed " + Math.max(0, age.toSeconds()) + " s ago, settle time "
                        + settle.toSeconds() + " s)";
            }
        }
        boolean sameSize = firstLook.stream()
                .anyMatch(earlier -> earlier.path().equals(file.path()) && earlier.size() == file.size());
        return sameSize ? null : "is still being written (its size changed between two looks)";
    }
}
