package com.budgetsync.db;

import com.budgetsync.domain.SyncRecord;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The run history as people browse it: filtered by {@link HistoryFilter}, newest first, by page or all at once for an
 * export. Served by the index {@code sync_history_customer_start} (customer, start time) whatever the filter.
 */
public final class HistorySearch {
    private static final String WHERE = """
             FROM sync_history
            WHERE customer_id = :customer
              AND (CAST(:config AS bigint) IS NULL OR config_id = :config)
              AND (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:from AS timestamptz) IS NULL OR start_time >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR start_time < :to)""";
    private static final String NEWEST_FIRST = " ORDER BY start_time DESC, id DESC";
    /** Rows fetched per round trip while an export streams, so 10,000 runs never sit in memory at once. */
    private static final int EXPORT_FETCH_SIZE = 500;

    private final Jdbi jdbi;

    public HistorySearch(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<SyncRecord> page(HistoryFilter filter, int limit, int offset) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT " + SyncHistoryDao.COLUMNS + WHERE + NEWEST_FIRST
                        + " LIMIT :limit OFFSET :offset"), filter)
                .bind("limit", limit).bind("offset", offset).map(SyncHistoryDao::map).list());
    }

    public long count(HistoryFilter filter) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT count(*)" + WHERE), filter).mapTo(Long.class).one());
    }

    /** Every matching run, newest first, handed over one at a time inside one read transaction. */
    public void forEach(HistoryFilter filter, Consumer<SyncRecord> each) {
        jdbi.useTransaction(h -> {
            try (Stream<SyncRecord> rows = bind(h.createQuery("SELECT " + SyncHistoryDao.COLUMNS + WHERE
                    + NEWEST_FIRST), filter).setFetchSize(EXPORT_FETCH_SIZE).map(SyncHistoryDao::map).stream()) {
                rows.forEach(each);
            }
        });
    }

    private static Query bind(Query query, HistoryFilter f) {
        return query.bind("customer", f.customerId()).bind("config", f.configId())
                .bind("status", f.status() == null ? null : f.status().dbValue())
                .bind("from", f.from() == null ? null : Timestamp.from(f.from()))
                .bind("to", f.to() == null ? null : Timestamp.from(f.to()));
    }
}
