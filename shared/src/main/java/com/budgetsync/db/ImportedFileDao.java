package com.budgetsync.db;

import com.budgetsync.domain.ImportedFile;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The files a config has already imported (a run that ended {@code success} or {@code partial}), for the poll. */
public final class ImportedFileDao {
    private final Jdbi jdbi;

    public ImportedFileDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<ImportedFile> list(long configId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT DISTINCT f.filename, f.source_path, f.size_bytes, f.source_modified, f.source_etag,
                                        f.sha256
                          FROM stored_file f JOIN sync_history s ON s.file_id = f.id
                         WHERE f.config_id = :config AND s.status IN ('success', 'partial')""")
                .bind("config", configId)
                .map((rs, ctx) -> new ImportedFile(rs.getString("filename"), rs.getString("source_path"),
                        rs.getLong("size_bytes"), ConfigDao.instant(rs, "source_modified"),
                        rs.getString("source_etag"), rs.getString("sha256")))
                .list());
    }
}
