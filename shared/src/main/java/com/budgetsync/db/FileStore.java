package com.budgetsync.db;

import com.budgetsync.domain.StoredFile;
import com.budgetsync.parsing.FileContent;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Files in PostgreSQL as 1 MiB chunks ({@code stored_file}, {@code stored_file_chunk}): streamed in while the
 * sha256 is computed, streamed out chunk by chunk, so no file is ever held whole in memory and the worker and the API
 * share them without a shared disk.
 */
public final class FileStore {
    static final int CHUNK = 1 << 20;

    private final Jdbi jdbi;

    public FileStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Where a file came from, for tracking what a source has already delivered. */
    public record Origin(String path, Instant modified, String etag) {
        public static final Origin NONE = new Origin(null, null, null);
    }

    public StoredFile store(String customerId, Long configId, String filename, InputStream in, long maxBytes,
                            Origin origin) throws IOException {
        MessageDigest sha = sha256();
        try (DigestInputStream digest = new DigestInputStream(in, sha)) {
            return jdbi.inTransaction(h -> {
                long id = h.createQuery("""
                                INSERT INTO stored_file (customer_id, config_id, filename, size_bytes, sha256,
                                                         source_path, source_modified, source_etag)
                                VALUES (:customer, :config, :filename, 0, '', :path, :modified, :etag) RETURNING id""")
                        .bind("customer", customerId).bind("config", configId).bind("filename", filename)
                        .bind("path", origin.path()).bind("modified", origin.modified()).bind("etag", origin.etag())
                        .mapTo(Long.class).one();
                long size = copyChunks(h, id, digest, maxBytes, filename);
                String hex = HexFormat.of().formatHex(sha.digest());
                h.createUpdate("UPDATE stored_file SET size_bytes = :size, sha256 = :sha WHERE id = :id")
                        .bind("size", size).bind("sha", hex).bind("id", id).execute();
                return new StoredFile(id, customerId, configId, filename, size, hex);
            });
        }
    }

    private static long copyChunks(Handle h, long id, InputStream in, long maxBytes, String filename)
            throws IOException {
        long size = 0;
        int seq = 0;
        byte[] buffer = new byte[CHUNK];
        while (true) {
            int filled = in.readNBytes(buffer, 0, CHUNK);
            if (filled == 0) {
                return size;
            }
            size += filled;
            if (size > maxBytes) {
                throw new FileTooLargeException(filename, maxBytes);
            }
            byte[] data = filled == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, filled);
            h.createUpdate("INSERT INTO stored_file_chunk (file_id, seq, data) VALUES (:id, :seq, :data)")
                    .bind("id", id).bind("seq", seq++).bind("data", data).execute();
            if (filled < CHUNK) {
                return size;
            }
        }
    }

    /**
     * Deletes a file no run refers to (e.g. an upload refused because its config was busy), chunks included;
     * a file a run recorded is kept, whatever the caller thought.
     */
    public void deleteUnused(long id) {
        jdbi.useHandle(h -> h.createUpdate("""
                        DELETE FROM stored_file f WHERE f.id = :id
                           AND NOT EXISTS (SELECT 1 FROM sync_history s WHERE s.file_id = f.id)""")
                .bind("id", id).execute());
    }

    /** A file whose contents are still stored: empty once retention has deleted them. */
    public Optional<StoredFile> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, customer_id, config_id, filename, size_bytes, sha256 FROM stored_file
                         WHERE id = :id AND purged_at IS NULL""")
                .bind("id", id)
                .map((rs, ctx) -> new StoredFile(rs.getLong("id"), rs.getString("customer_id"),
                        (Long) rs.getObject("config_id"), rs.getString("filename"), rs.getLong("size_bytes"),
                        rs.getString("sha256")))
                .findOne());
    }

    /** The stored file as readable content; each {@link FileContent#open()} streams it afresh. */
    public FileContent content(StoredFile file) {
        return new FileContent() {
            @Override
            public String filename() {
                return file.filename();
            }

            @Override
            public InputStream open() {
                return new ChunkInputStream(jdbi, file.id());
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads one chunk per query, so at most one chunk is in memory. It holds a connection of its own: a caller in
     * the middle of a COPY on its thread's handle (the import) must not have that connection reused underneath it.
     */
    private static final class ChunkInputStream extends InputStream {
        private final Jdbi jdbi;
        private final long fileId;
        private Handle handle;
        private int nextSeq;
        private byte[] chunk = new byte[0];
        private int pos;
        private boolean done;

        ChunkInputStream(Jdbi jdbi, long fileId) {
            this.jdbi = jdbi;
            this.fileId = fileId;
        }

        private boolean fill() {
            while (!done && pos >= chunk.length) {
                if (handle == null) {
                    handle = jdbi.open();
                }
                Optional<byte[]> next = handle.createQuery(
                                "SELECT data FROM stored_file_chunk WHERE file_id = :id AND seq = :seq")
                        .bind("id", fileId).bind("seq", nextSeq).mapTo(byte[].class).findOne();
                if (next.isEmpty()) {
                    done = true;
                    close();
                } else {
                    chunk = next.get();
                    pos = 0;
                    nextSeq++;
                }
            }
            return pos < chunk.length;
        }

        @Override
        public void close() {
            if (handle != null) {
                handle.close();
                handle = null;
            }
        }

        @Override
        public int read() {
            return fill() ? chunk[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
