package com.budgetsync.worker.sources;

import com.budgetsync.workflow.RemoteFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A folder on the worker's machine ({@code {"directory": "/path", "pattern": "*.csv"}}), for development. */
public final class LocalFolderSource implements FileSource {
    private final Path directory;
    private final PollSettings settings;

    public LocalFolderSource(Map<String, Object> config) {
        Object dir = config.get("directory");
        if (dir == null || dir.toString().isBlank()) {
            throw new IllegalArgumentException("local source needs sourceConfig.directory");
        }
        this.directory = Path.of(dir.toString());
        this.settings = PollSettings.of(config);
    }

    @Override
    public List<RemoteFile> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new SourceException("directory not found: " + directory, false);
        }
        List<RemoteFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                if (Files.isRegularFile(p) && settings.isListed(p.getFileName().toString())) {
                    files.add(new RemoteFile(p.toString(), p.getFileName().toString(), Files.size(p),
                            Files.getLastModifiedTime(p).toInstant(), null));
                }
            }
        }
        return files;
    }

    @Override
    public InputStream open(RemoteFile file) throws IOException {
        try {
            return Files.newInputStream(Path.of(file.path()));
        } catch (NoSuchFileException e) {
            throw new SourceException("file disappeared before it could be read: " + file.path(), true, e);
        }
    }
}
