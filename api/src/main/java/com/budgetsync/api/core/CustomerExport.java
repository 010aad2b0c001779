package com.budgetsync.api.core;

import com.budgetsync.api.views.ConfigView;
import com.budgetsync.api.views.SpreadsheetSafe;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.DataSourceConfig;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * A customer's data as one zip (GET /api/customers/{id}/export), written straight to the response: every table is
 * read with a cursor ({@link #FETCH} rows at a time) and each row goes out as it is read, so a customer with millions
 * of budgets costs no more memory than one with ten. All files come from one REPEATABLE READ snapshot, so they agree
 * with each other even while an import runs. Text cells pass through {@link SpreadsheetSafe} (the files are opened in
 * spreadsheets); configs leave every secret out.
 */
public final class CustomerExport {
    static final int FETCH = 1000;

    /** The CSV files of the zip, in order, each one query of the customer's rows (:customer). */
    static final Map<String, String> TABLES = tables();

    private final Jdbi jdbi;
    private final ConfigDao configs;
    private final WebhookUrls webhookUrls;
    private final ObjectMapper json;

    public CustomerExport(Jdbi jdbi, ConfigDao configs, WebhookUrls webhookUrls, ObjectMapper json) {
        this.jdbi = jdbi;
        this.configs = configs;
        this.webhookUrls = webhookUrls;
        this.json = json;
    }

    private static Map<String, String> tables() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("budgets.csv", """
                SELECT id, department, sub_category, fiscal_period, period_type, period_start, period_end,
                       period_label, amount, currency, source_config_id AS config_id, last_sync_id, deleted_at,
                       created_at, updated_at
                  FROM budget WHERE customer_id = :customer ORDER BY id""");
        t.put("utilization.csv", """
                SELECT b.id AS budget_id, b.department, b.sub_category, b.fiscal_period, b.currency, u.committed,
                       u.reserved, u.updated_at
                  FROM budget_utilization u JOIN budget b ON b.id = u.budget_id
                 WHERE b.customer_id = :customer ORDER BY b.id""");
        t.put("requests.csv", """
                SELECT request_id, budget_id, state, amount, request_amount, request_currency, fx_rate, created_at,
                       updated_at
                  FROM budget_request WHERE customer_id = :customer ORDER BY created_at, request_id""");
        t.put("audit-log.csv", """
                SELECT id, budget_id, sync_id, request_id, action, department, sub_category, fiscal_period,
                       old_amount, new_amount, old_currency, new_currency, created_at
                  FROM audit_log WHERE customer_id = :customer ORDER BY id""");
        t.put("sync-history.csv", """
                SELECT sync_id, config_id, status, triggered_by, filename, start_time, end_time, duration_ms,
                       total_rows, created_count, updated_count, unchanged_count, soft_deleted_count, restored_count,
                       error_count, skipped_count, message
                  FROM sync_history WHERE customer_id = :customer ORDER BY start_time, id""");
        t.put("config-audit.csv", """
                SELECT id, config_id, actor, action, changes, at
                  FROM config_audit WHERE customer_id = :customer ORDER BY id""");
        return t;
    }

    public void write(String customerId, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            jdbi.useTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
                for (Map.Entry<String, String> table : TABLES.entrySet()) {
                    zip.putNextEntry(new ZipEntry(table.getKey()));
                    csv(h, table.getValue(), customerId, zip);
                    zip.closeEntry();
                }
            });
            zip.putNextEntry(new ZipEntry("configs.json"));
            List<ConfigView> shown = new ArrayList<>();
            for (DataSourceConfig config : configs.listByCustomer(customerId)) {
                shown.add(withoutSecrets(ConfigView.of(config, webhookUrls.masked(config.options()), null)));
            }
            json.writer().withDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(zip, Map.of("customerId", customerId, "configs", shown));
            zip.closeEntry();
        }
    }

    /** Secrets are left out altogether, not masked: the export leaves budget-sync's hands. */
    private static ConfigView withoutSecrets(ConfigView v) {
        Map<String, Object> source = new LinkedHashMap<>(v.sourceConfig());
        source.keySet().removeIf(SourceSecrets::isSecret);
        return new ConfigView(v.id(), v.customerId(), v.name(), v.sourceType(), v.enabled(), v.frequency(),
                v.timezone(), source, v.options(), v.lastSyncAt(), v.lastSyncStatus(), null, v.createdAt(),
                v.updatedAt(), v.status(), v.pausedReason());
    }

    private static void csv(Handle h, String sql, String customerId, OutputStream zip) {
        OutputStreamWriter writer = new OutputStreamWriter(new KeptOpen(zip), StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            h.createQuery(sql).bind("customer", customerId).setFetchSize(FETCH).scanResultSet((rows, ctx) -> {
                try {
                    ResultSet rs = rows.get();
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        printer.print(meta.getColumnLabel(i));
                    }
                    printer.println();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            printer.print(cell(rs, i, meta.getColumnTypeName(i)));
                        }
                        printer.println();
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Times as ISO-8601 instants, amounts as plain decimals, text made spreadsheet-safe. */
    static String cell(ResultSet rs, int column, String type) throws SQLException {
        if ("timestamptz".equals(type)) {
            OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
            return at == null ? null : at.toInstant().toString();
        }
        if ("numeric".equals(type)) {
            java.math.BigDecimal n = rs.getBigDecimal(column);
            return n == null ? null : n.toPlainString();
        }
        return SpreadsheetSafe.cell(rs.getString(column));
    }

    /** The zip entry's stream, which closing the CSV printer must not close. */
    private static final class KeptOpen extends FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
