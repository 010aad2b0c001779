package com.budgetsync.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.budgetsync.domain.StoredFile;
import com.budgetsync.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A stored file comes back byte for byte, its chunks compressed with lz4 (migration 024). */
class FileStoreTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    @Test
    void aFileOfSeveralChunksComesBackAsItWasStoredAndItsChunksAreLz4Compressed() throws Exception {
        StringBuilder csv = new StringBuilder("department,period,amount\n");
        for (int i = 0; csv.length() < 3 * FileStore.CHUNK + 12_345; i++) {
            csv.append("Dept ").append(i % 977).append(",2025-").append(1 + i % 12).append(',').append(i * 7L)
                    .append(".25\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        FileStore files = new FileStore(db.jdbi());

        StoredFile stored = files.store("lz4", null, "budgets.csv", new ByteArrayInputStream(bytes), Long.MAX_VALUE,
                FileStore.Origin.NONE);

        assertEquals(bytes.length, stored.sizeBytes());
        try (InputStream in = files.content(stored).open()) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        List<String> methods = db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT DISTINCT pg_column_compression(data) FROM stored_file_chunk WHERE file_id = :id""")
                .bind("id", stored.id()).mapTo(String.class).list());
        assertEquals(List.of("lz4"), methods);
    }
}
