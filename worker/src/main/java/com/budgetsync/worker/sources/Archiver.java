package com.budgetsync.worker.sources;

import com.budgetsync.workflow.RemoteFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code afterImport: archive | delete} for sources with folders: moves the imported file to {@code archive/} beside
 * it, or deletes it, and its markers with it, so that an old marker never vouches for a new file of the same name.
 * Called only once the import committed.
 */
final class Archiver {
    /** What a source must offer for it. Paths use '/' (SFTP paths, S3 keys). */
    interface Operations {
        boolean exists(String path) throws IOException;

        void move(String from, String to) throws IOException;

        void delete(String path) throws IOException;
    }

    private Archiver() {
    }

    static void apply(PollSettings.AfterImport action, RemoteFile file, Operations ops) throws IOException {
        if (action == PollSettings.AfterImport.KEEP) {
            return;
        }
        List<String> paths = new ArrayList<>(List.of(file.path()));
        for (String suffix : PollSettings.MARKER_SUFFIXES) {
            if (ops.exists(file.path() + suffix)) {
                paths.add(file.path() + suffix);
            }
        }
        for (String path : paths) {
            if (action == PollSettings.AfterImport.DELETE) {
                ops.delete(path);
            } else {
                String target = archivePath(path);
                // a file of that name archived before stays: the newcomer gets a distinct name
                ops.move(path, ops.exists(target) ? target + "." + System.currentTimeMillis() : target);
            }
        }
    }

    /** {@code /exports/b.csv} → {@code /exports/archive/b.csv}; {@code b.csv} → {@code archive/b.csv}. */
    static String archivePath(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + "archive/" + path.substring(slash + 1);
    }
}
