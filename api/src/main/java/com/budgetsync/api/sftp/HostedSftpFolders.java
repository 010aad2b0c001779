package com.budgetsync.api.sftp;

import com.budgetsync.api.core.DropFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The customers' folders on the hosted SFTP server ({@code <root>/<customerId>}, archive included). */
public final class HostedSftpFolders implements DropFiles {
    private final Path root;

    public HostedSftpFolders(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "hosted_sftp_files";
    }

    @Override
    public long erase(String customerId) throws IOException {
        Path folder = root.resolve(customerId).normalize();
        // customer ids are never paths (Ids.CUSTOMER_PATTERN); this keeps it so whatever calls it
        if (!folder.getParent().equals(root) || !Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> deepestFirst;
        try (Stream<Path> all = Files.walk(folder)) {
            deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
        }
        long files = 0;
        for (Path path : deepestFirst) {
            if (Files.isRegularFile(path)) {
                files++;
            }
            Files.delete(path);
        }
        return files;
    }
}
