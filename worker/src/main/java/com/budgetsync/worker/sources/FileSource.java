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

    @Override
    default void close() throws IOException {
    }
}
