package com.budgetsync.worker.importing;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.RunIdentity;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.mapping.ColumnMapper;
import com.budgetsync.mapping.MappingOptions;
import com.budgetsync.normalize.NormalizeOptions;
import com.budgetsync.parsing.FileContent;
import com.budgetsync.parsing.ReadOptions;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.parsing.TableReader;
import com.budgetsync.workflow.ChangePreview;
import com.budgetsync.workflow.SyncResult;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs {@link BudgetImporter} the way the import activity does, on CSV text stored through the real {@link FileStore}:
 * a history row per run, the layout detected and the columns mapped from the file itself.
 */
final class ImportFixture {
    static final String HEADER = "Department,Sub Category,Fiscal Period,Amount,Currency\n";

    final Jdbi jdbi;
    final DataSourceConfig config;
    private final BudgetImporter importer;

    ImportFixture(Jdbi jdbi, String customerId, ConfigOptions options) {
        this.jdbi = jdbi;
        this.config = new ConfigDao(jdbi).create(customerId, "upload", SourceType.UPLOAD, true, "manual", "UTC",
                Map.of(), options);
        this.importer = new BudgetImporter(jdbi);
    }

    /** A new run of {@code csv} (rows below {@link #HEADER}). */
    SyncResult sync(String csv, boolean force) {
        return rerun(UUID.randomUUID().toString(), csv, force);
    }

    SyncResult sync(String csv) {
        return sync(csv, false);
    }

    /** A run with a given sync id: calling it twice is what a retried activity does. */
    SyncResult rerun(String syncId, String csv, boolean force) {
        return runFile(syncId, HEADER + csv, force);
    }

    /** A new run of a whole file, header included: another layout maps the columns anew. */
    SyncResult syncFile(String file, boolean force) {
        return runFile(UUID.randomUUID().toString(), file, force);
    }

    private SyncResult runFile(String syncId, String file, boolean force) {
        SyncHistoryDao history = new SyncHistoryDao(jdbi);
        history.claim(new RunIdentity(syncId, config.customerId(), config.id(), null, null, TriggeredBy.MANUAL));
        return importer.run(job(syncId, file, force), rows -> { });
    }

    /** The importer's dry run of {@code csv}: no run, nothing written. */
    ChangePreview preview(String csv) {
        return importer.preview(job(null, HEADER + csv, false), 0, rows -> { });
    }

    private ImportJob job(String syncId, String file, boolean force) {
        try {
            FileStore files = new FileStore(jdbi);
            StoredFile stored = files.store(config.customerId(), config.id(), "budget.csv",
                    new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE,
                    FileStore.Origin.NONE);
            FileContent content = files.content(stored);
            TableLayout layout = TableReader.detect(content, ReadOptions.DEFAULT);
            var mapped = new ColumnMapper().map(layout.headers(), TableReader.sample(content, layout, 100),
                    MappingOptions.DEFAULT);
            if (mapped.needsReview()) {
                throw new IllegalStateException("fixture file needs a mapping review: " + mapped.problems());
            }
            return new ImportJob(syncId, config.customerId(), config.id(), content, layout, mapped.mapping(),
                    NormalizeOptions.DEFAULT, config.options(), force, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    SyncRecord history(String syncId) {
        return new SyncHistoryDao(jdbi).find(syncId).orElseThrow();
    }

    /** Active amount of a budget, or null when it is missing or soft-deleted. */
    BigDecimal activeAmount(String department, String subCategory, String period) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT amount FROM budget WHERE customer_id = :c AND department = :d AND sub_category = :s
                           AND fiscal_period = :p AND deleted_at IS NULL""")
                .bind("c", config.customerId()).bind("d", department).bind("s", subCategory).bind("p", period)
                .mapTo(BigDecimal.class).findOne().orElse(null));
    }

    long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("c", config.customerId()).mapTo(Long.class).one());
    }

    long activeBudgets() {
        return count("SELECT count(*) FROM budget WHERE customer_id = :c AND deleted_at IS NULL");
    }

    /** Every budget of the customer as one text, to compare before and after. */
    String budgetsAsText() {
        return jdbi.withHandle(h -> String.join("\n", h.createQuery(
                "SELECT b::text FROM budget b WHERE customer_id = :c ORDER BY id").bind("c", config.customerId())
                .mapTo(String.class).list()));
    }

    /** Entries of the customer's audit trail: audit rows, and budgets that record the sync that created them. */
    long auditRows() {
        return count("SELECT count(*) FROM audit_log WHERE customer_id = :c")
                + count("SELECT count(*) FROM budget WHERE customer_id = :c AND created_sync_id IS NOT NULL");
    }

    /** {@code n} rows "Dept i,Travel,2025-01,100.00,USD" for i in 1..n. */
    static String rows(int n, String amount) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append("Dept ").append(i).append(",Travel,2025-01,").append(amount).append(",USD\n");
        }
        return sb.toString();
    }
}
