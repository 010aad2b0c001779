package com.budgetsync.parsing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stored file that can be read more than once (layout detection reads the head, the import reads it all), without
 * holding it in memory.
 */
public interface FileContent {
    String filename();

    InputStream open() throws IOException;

    static FileContent of(Path path) {
        return of(path.getFileName().toString(), path);
    }

    /** A file stored under another name (a spooled upload) that keeps the name it was sent with. */
    static FileContent of(String filename, Path path) {
        return of(filename, () -> Files.newInputStream(path));
    }

    /** For tests and previews of uploaded files that are small enough to be in memory anyway. */
    static FileContent of(String filename, byte[] bytes) {
        return of(filename, () -> new ByteArrayInputStream(bytes));
    }

    /** How a file's bytes are read from the start, each time. */
    interface Opener {
        InputStream open() throws IOException;
    }

    /** A file read by {@code opener}: a file inside a compressed drop, say. */
    static FileContent of(String filename, Opener opener) {
        return new FileContent() {
            @Override
            public String filename() {
                return filename;
            }

            @Override
            public InputStream open() throws IOException {
                return opener.open();
            }
        };
    }
}
