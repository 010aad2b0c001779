package com.budgetsync.parsing;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stored file that can be read more than once (layout detection reads the head, the import reads it all), without
 * holding it in memory.
 */
public interface FileContent {
    String filename();

    InputStream open() throws IOException;
}
