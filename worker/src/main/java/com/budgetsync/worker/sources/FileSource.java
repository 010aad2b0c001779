package com.budgetsync.worker.sources;

import com.budgetsync.workflow.RemoteFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A place customer files are dropped: a local folder, SFTP, S3, an HTTPS URL. One instance serves one activity call
 * with one config's decrypted settings, and is closed after it.
 */
public interface FileSource extends AutoCloseable {
    /** Files that match the config's pattern, any order. Errors are {@link SourceException}s. */
    List<RemoteFile> list() throws IOException;

    /** Streams one listed file. A file gone since listing throws {@link SourceException} (retryable). */
    InputStream open(RemoteFile file) throws IOException;

    /** Moves an imported file to the archive folder, or deletes it, as the config says; does nothing by default. */
    default void afterImport(RemoteFile file) throws IOException {
    }

    /** Host and port (or bucket endpoint) for messages; never a credential. */
    default String where() {
        return "the source";
    }

    /** The SFTP host key the server presented, once a connection got that far (for the connection test). */
    default String hostKeyFingerprintSeen() {
        return null;
    }

    /**
     * Ends the source's work from another thread (the attempt was timed out or cancelled): its connections are
     * closed and the call waiting on them fails with {@code why}. By default the source is closed.
     */
    default void abort(String why) {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // closing only wakes the reader up
        }
    }

    @Override
    default void close() throws IOException {
    }
}
