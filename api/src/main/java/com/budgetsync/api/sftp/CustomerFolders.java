package com.budgetsync.api.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.SessionContext;

/**
 * Each login sees only {@code <root>/<customerId>} as its "/": MINA's rooted file system resolves every path (and
 * "..") inside it, so no customer can name another's folder. Made on first login.
 */
final class CustomerFolders extends VirtualFileSystemFactory {
    private final Path root;

    CustomerFolders(Path root) {
        super(root);
        this.root = root;
    }

    @Override
    public Path getUserHomeDir(SessionContext session) throws IOException {
        String customer = session.getUsername();
        // login names are customer ids (letters, digits, . _ -, starting with a letter or digit): never a path
        if (customer == null || !customer.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IOException("no folder for this login");
        }
        return Files.createDirectories(root.resolve(customer));
    }
}
