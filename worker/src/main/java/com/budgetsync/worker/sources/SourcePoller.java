package com.budgetsync.worker.sources;

import com.budgetsync.domain.ImportedFile;
import com.budgetsync.workflow.PollResult;
import com.budgetsync.workflow.RemoteFile;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One poll of one source: list, list again after {@code settleCheckSeconds} (a file still growing changes size),
 * let {@link FilePicker} choose, then make sure the chosen file's content is not one already imported under another
 * name or date (a re-export of unchanged figures), so that it is not imported twice.
 */
public final class SourcePoller {
    /** ETag prefix of a version that is the content's sha256 (hex). */
    public static final String CONTENT_HASH = "sha256:";
    private final Clock clock;

    public SourcePoller(Clock clock) {
        this.clock = clock;
    }

    public PollResult poll(FileSource source, PollSettings settings, List<ImportedFile> imported)
            throws IOException, InterruptedException {
        List<RemoteFile> firstLook = source.list();
        List<RemoteFile> secondLook = firstLook;
        boolean anyWanted = firstLook.stream().anyMatch(f -> settings.isWanted(f.name()));
        if (anyWanted && !settings.requireMarker() && !settings.settleCheck().isZero()) {
            Thread.sleep(settings.settleCheck().toMillis());
            secondLook = source.list();
        }
        PollResult pick = FilePicker.pick(firstLook, secondLook, imported, settings, clock.instant());
        if (!pick.hasFile() || imported.isEmpty()) {
            return pick;
        }
        String etag = pick.file().etag();
        // a source that versions by content (HttpsSource) already knows the hash: no second download
        String sha = etag != null && etag.startsWith(CONTENT_HASH) ? etag.substring(CONTENT_HASH.length())
                : sha256(source, pick.file(), settings.maxFileBytes());
        Optional<ImportedFile> same = imported.stream().filter(done -> done.sha256().equals(sha)).findFirst();
        return same.map(done -> PollResult.none(FilePicker.NO_NEW_FILE + ": " + pick.file().name()
                + " has the same content as " + done.filename() + ", imported before")).orElse(pick);
    }

    /** The content hash, or "" past {@code maxBytes} (the download then reports the size limit). */
    private static String sha256(FileSource source, RemoteFile file, long maxBytes) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(source.open(file), sha)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    return "";
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
