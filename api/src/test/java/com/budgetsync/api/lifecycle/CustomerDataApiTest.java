package com.budgetsync.api.lifecycle;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.core.CustomerErasure;
import com.budgetsync.api.temporal.TemporalConnection;
import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.db.Json;
import com.budgetsync.workflow.WorkflowIds;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A customer's data leaving budget-sync: the export zip holds every budget, utilization, request, audit row and run
 * of the customer (checked row by row against what the API and the database hold) and no secret; erasing the customer
 * stops its schedules, leaves no row of it in any table that has a customer column, leaves one erasure record, and
 * the next call for it is a 404.
 */
class CustomerDataApiTest {
    private static final String CSV = """
            Department,Sub Category,Fiscal Period,Budget Amount,Currency
            Marketing,Events,FY 2025,1200.50,USD
            =Engineering,Cloud,FY 2025,900,USD
            Sales,,FY 2025,300,EUR
            """;
    private static final String SECRET = "lifecycle-pw-456";

    /** The hosted SFTP server's folders, one per customer: an erasure deletes the customer's. */
    private static final Path DROPS = temporaryFolder();

    @RegisterExtension
    static final RunningApp app = RunningApp.perClass(config -> config.getSftp().setRoot(DROPS.toString()));

    @Test
    void theExportHoldsTheCustomersDataRowByRowAndNoSecret() throws Exception {
        String customer = "export-" + UUID.randomUUID();
        long sftp = sftpConfig(customer);
        String key = customerKey(customer);
        String sync = app.uploadCsv(customer, "budget.csv", CSV);
        reserve(customer, "r-1", "Marketing", "Events", "200");

        // another customer's data must not come along
        String other = "other-" + UUID.randomUUID();
        app.uploadCsv(other, "budget.csv", CSV);

        Map<String, byte[]> zip = export(customer, key);
        assertEquals(List.of("budgets.csv", "utilization.csv", "requests.csv", "audit-log.csv", "sync-history.csv",
                "config-audit.csv", "configs.json"), new ArrayList<>(zip.keySet()));
        for (byte[] file : zip.values()) {
            assertFalse(new String(file, StandardCharsets.UTF_8).contains(SECRET), "no secret in the export");
        }

        List<CSVRecord> budgets = csv(zip.get("budgets.csv"));
        JsonNode listed = app.get("/api/budgets?customerId=" + customer).json().path("budgets");
        assertEquals(3, budgets.size());
        assertEquals(listed.size(), budgets.size());
        for (int i = 0; i < budgets.size(); i++) {
            CSVRecord row = budgets.get(i);
            JsonNode budget = find(listed, "id", row.get("id"));
            assertEquals(budget.path("department").asText(), row.get("department").replaceFirst("^'", ""));
            assertEquals(budget.path("fiscalPeriod").asText(), row.get("fiscal_period"));
            assertEquals(0, budget.path("amount").decimalValue().compareTo(new java.math.BigDecimal(row.get("amount"))),
                    row.toString());
            assertEquals(budget.path("currency").asText(), row.get("currency"));
            assertEquals(sync, row.get("last_sync_id"));
        }
        assertEquals("'=Engineering", budgets.stream().filter(r -> r.get("department").contains("Engineering"))
                .findFirst().orElseThrow().get("department"), "a formula-like cell is neutralised");

        List<CSVRecord> utilization = csv(zip.get("utilization.csv"));
        assertEquals(1, utilization.size());
        assertEquals("Marketing", utilization.get(0).get("department"));
        assertEquals("200.0000", utilization.get(0).get("reserved"));
        assertEquals("0.0000", utilization.get(0).get("committed"));
        List<CSVRecord> requests = csv(zip.get("requests.csv"));
        assertEquals(List.of("r-1", "reserved", "200.0000"), List.of(requests.get(0).get("request_id"),
                requests.get(0).get("state"), requests.get(0).get("amount")));

        List<Map<String, Object>> auditRows = app.db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id, action, request_id FROM audit_log WHERE customer_id = :c ORDER BY id""")
                .bind("c", customer).mapToMap().list());
        List<CSVRecord> audit = csv(zip.get("audit-log.csv"));
        assertFalse(audit.isEmpty());
        assertEquals(auditRows.size(), audit.size());
        for (int i = 0; i < audit.size(); i++) {
            assertEquals(auditRows.get(i).get("id").toString(), audit.get(i).get("id"));
            assertEquals(auditRows.get(i).get("action"), audit.get(i).get("action"));
            assertEquals(String.valueOf(auditRows.get(i).get("request_id")).replace("null", ""),
                    audit.get(i).get("request_id"));
        }

        List<CSVRecord> history = csv(zip.get("sync-history.csv"));
        assertEquals(1, history.size());
        assertEquals(List.of(sync, "success", "budget.csv", "3", "3"), List.of(history.get(0).get("sync_id"),
                history.get(0).get("status"), history.get(0).get("filename"), history.get(0).get("total_rows"),
                history.get(0).get("created_count")));

        JsonNode configs = Json.MAPPER.readTree(zip.get("configs.json"));
        assertEquals(customer, configs.path("customerId").asText());
        JsonNode sftpConfig = find(configs.path("configs"), "id", Long.toString(sftp));
        assertEquals("Lifecycle SFTP", sftpConfig.path("name").asText());
        assertEquals("sftp.lifecycle.invalid", sftpConfig.path("sourceConfig").path("host").asText());
        assertTrue(sftpConfig.path("sourceConfig").path("password").isMissingNode(), "secrets are left out");
        assertEquals(2, configs.path("configs").size(), "the SFTP config and the upload config");

        assertEquals(1, csv(zip.get("config-audit.csv")).size(), "the SFTP config's creation (the upload config is made by the upload)");
        assertEquals(403, exportStatus(other, key), "a key reaches only its own customer");
    }

    @Test
    void erasureLeavesNoRowOfTheCustomerAndOneErasureRecord() throws Exception {
        String customer = "erase-" + UUID.randomUUID();
        long sftp = sftpConfig(customer);
        assertEquals(200, app.send(HttpRequest.newBuilder(URI.create(app.url("/api/sync/config/" + sftp)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        Json.write(sftpBody(customer, "daily"))))).status(), "a config with a schedule");
        String key = customerKey(customer);
        String sync = app.uploadCsv(customer, "budget.csv", CSV);
        reserve(customer, "r-erase", "Marketing", "Events", "100");
        app.db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO alert (customer_id, config_id, kind, dedup_key, message, sync_id)
                VALUES (?, ?, 'stale', ?, 'stale', ?)""", customer, sftp, "erase:" + customer, sync));
        String survivor = "survivor-" + UUID.randomUUID();
        app.uploadCsv(survivor, "budget.csv", CSV);
        long fileId = app.get("/api/sync/history/" + sync).json().path("fileId").asLong();
        Path dropped = Files.createDirectories(DROPS.resolve(customer).resolve("archive"));
        Files.writeString(dropped.resolve("budget-2025.csv"), CSV);
        Files.writeString(dropped.getParent().resolve("budget.csv"), CSV);
        Path survivorDrop = Files.createDirectories(DROPS.resolve(survivor)).resolve("budget.csv");
        Files.writeString(survivorDrop, CSV);
        List<Long> budgetIds = app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM budget WHERE customer_id = ?").bind(0, customer).mapTo(Long.class).list());
        long digests = app.db.jdbi().withHandle(h -> count(h,
                "SELECT count(*) FROM import_digest WHERE sync_id = ?", sync));
        assertEquals(1, digests, "the upload recorded its config's import digest");
        try (TemporalConnection temporal = new TemporalConnection(app.temporal.address(), "default",
                new MetricRegistry())) {
            String schedule = WorkflowIds.schedule(customer, sftp);
            assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, status(temporal, schedule));

            assertEquals(400, erase(customer, null).status(), "no confirmation");
            assertEquals(400, erase(customer, "someone-else").status(), "a confirmation naming another customer");
            assertEquals(403, app.as(key).send(deleteRequest(customer, customer)).status(),
                    "the customer's own key cannot erase");
            RunningApp.Response erased = erase(customer, customer);
            assertEquals(200, erased.status(), erased.body());
            assertEquals(3, erased.json().path("counts").path("budget").asLong(), erased.body());
            assertEquals(2, erased.json().path("counts").path("hosted_sftp_files").asLong(), erased.body());
            assertFalse(Files.exists(DROPS.resolve(customer)), "its hosted SFTP folder is gone, archive included");
            assertTrue(Files.exists(survivorDrop), "another customer's drop stays");

            assertNotEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, status(temporal, schedule),
                    "the schedule is stopped");
        }

        Map<String, Long> left = new LinkedHashMap<>();
        app.db.jdbi().useHandle(h -> {
            List<String> tables = h.createQuery("""
                    SELECT c.table_name FROM information_schema.columns c
                      JOIN information_schema.tables t ON t.table_schema = c.table_schema
                                                      AND t.table_name = c.table_name
                     WHERE c.table_schema = current_schema() AND c.column_name = 'customer_id'
                       AND t.table_type = 'BASE TABLE'""").mapTo(String.class).list();
            assertTrue(tables.size() >= 9, "every table with a customer column: " + tables);
            for (String table : tables) {
                left.put(table, h.createQuery("SELECT count(*) FROM \"" + table + "\" WHERE customer_id = ?")
                        .bind(0, customer).mapTo(Long.class).one());
            }
            left.put("customer", count(h, "SELECT count(*) FROM customer WHERE id = ?", customer));
            left.put("stored_file_chunk", count(h, "SELECT count(*) FROM stored_file_chunk WHERE file_id = ?",
                    fileId));
            left.put("budget_utilization", count(h,
                    "SELECT count(*) FROM budget_utilization WHERE budget_id = ANY(?)", budgetIds.toArray(Long[]::new)));
            left.put("notification_delivery", count(h,
                    "SELECT count(*) FROM notification_delivery WHERE sync_id = ?", sync));
            left.put("sync_progress", count(h, "SELECT count(*) FROM sync_progress WHERE sync_id = ?", sync));
            left.put("import_digest", count(h, "SELECT count(*) FROM import_digest WHERE sync_id = ?", sync));
        });
        assertTrue(left.values().stream().allMatch(n -> n == 0), "rows of the customer left: " + left);

        Map<String, Object> record = app.db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT erased_by, counts::text AS counts FROM customer_erasure WHERE subject_sha256 = ?")
                .bind(0, CustomerErasure.sha256(customer)).mapToMap().one());
        assertEquals("admin", record.get("erased_by"));
        JsonNode counts = Json.MAPPER.readTree((String) record.get("counts"));
        assertEquals(3, counts.path("budget").asLong());
        assertEquals(1, counts.path("sync_history").asLong());
        assertEquals(1, counts.path("budget_utilization").asLong());
        assertFalse(record.get("counts").toString().contains(customer), "the record holds no customer data");

        assertEquals(404, exportStatus(customer, RunningApp.ADMIN_TOKEN), "the next call: 404");
        assertEquals(404, erase(customer, customer).status());
        assertEquals(401, exportStatus(customer, key), "its keys are gone");
        assertEquals(3, app.get("/api/budgets?customerId=" + survivor).json().path("total").asInt(),
                "other customers keep their data");
    }

    @Test
    void aRunInProgressRefusesTheErasureAndLeavesTheCustomerWhole() throws Exception {
        String customer = "busy-" + UUID.randomUUID();
        long config = sftpConfig(customer);
        app.uploadCsv(customer, "budget.csv", CSV);
        String running = UUID.randomUUID().toString();
        app.db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO sync_history (sync_id, customer_id, config_id, triggered_by, status)
                VALUES (?, ?, ?, 'manual', 'running')""", running, customer, config));

        RunningApp.Response refused = erase(customer, customer);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains(running), refused.body());
        assertEquals(3, app.get("/api/budgets?customerId=" + customer).json().path("total").asInt(),
                "nothing erased");
        assertEquals(200, app.get("/api/sync/config/" + config).status());

        app.db.jdbi().useHandle(h -> h.execute("UPDATE sync_history SET status = 'failed' WHERE sync_id = ?",
                running));
        assertEquals(200, erase(customer, customer).status(), "once the run has ended");
    }

    @Test
    void aCustomerCanSetItsOwnFileRetention() throws Exception {
        String customer = "retention-" + UUID.randomUUID();
        String key = customerKey(customer);
        RunningApp.Response set = app.as(key).send(HttpRequest.newBuilder(URI.create(app.url("/api/customers/"
                + customer))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"fileRetentionDays\":30}")));
        assertEquals(200, set.status(), set.body());
        assertEquals(Integer.valueOf(30), app.db.jdbi().<Integer, RuntimeException>withHandle(h -> h.createQuery(
                "SELECT file_retention_days FROM customer WHERE id = ?").bind(0, customer).mapTo(Integer.class).one()));
        RunningApp.Response refused = app.as(key).send(HttpRequest.newBuilder(URI.create(app.url("/api/customers/"
                + customer))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("name at least one setting"), refused.body());
    }

    private static long count(org.jdbi.v3.core.Handle h, String sql, Object value) {
        return h.createQuery(sql).bind(0, value).mapTo(Long.class).one();
    }

    private static WorkflowExecutionStatus status(TemporalConnection temporal, String workflowId) {
        return temporal.client().newUntypedWorkflowStub(workflowId).describe().getStatus();
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("budget-sync-drops-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunningApp.Response erase(String customer, String confirm) throws Exception {
        return app.send(deleteRequest(customer, confirm));
    }

    private static HttpRequest.Builder deleteRequest(String customer, String confirm) {
        return HttpRequest.newBuilder(URI.create(app.url("/api/customers/" + customer
                + (confirm == null ? "" : "?confirm=" + confirm)))).DELETE();
    }

    private static Map<String, Object> sftpBody(String customer, String frequency) {
        return Map.of("customerId", customer, "sourceType", "sftp", "name", "Lifecycle SFTP", "frequency", frequency,
                "sourceConfig", Map.of("host", "sftp.lifecycle.invalid", "username", "lc", "password", SECRET));
    }

    private static long sftpConfig(String customer) throws Exception {
        RunningApp.Response created = app.postJson("/api/sync/config", sftpBody(customer, "manual"));
        assertEquals(201, created.status(), created.body());
        return created.json().path("id").asLong();
    }

    private static String customerKey(String customer) throws Exception {
        RunningApp.Response created = app.postJson("/api/admin/api-keys", Map.of("customerId", customer));
        assertEquals(201, created.status(), created.body());
        return created.json().path("key").asText();
    }

    private static void reserve(String customer, String requestId, String department, String subCategory,
                                String amount) throws Exception {
        RunningApp.Response reserved = app.postJson("/api/budget/reserve", Map.of("requestId", requestId,
                "customerId", customer, "department", department, "subCategory", subCategory,
                "fiscalPeriod", "FY 2025", "amount", amount, "currency", "USD"));
        assertEquals(200, reserved.status(), reserved.body());
    }

    private static HttpResponse<InputStream> exportResponse(String customer, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url("/api/customers/" + customer
                + "/export"))).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private static int exportStatus(String customer, String token) throws Exception {
        HttpResponse<InputStream> response = exportResponse(customer, token);
        response.body().close();
        return response.statusCode();
    }

    /** The zip read as it arrives, entry by entry, in its order. */
    private static Map<String, byte[]> export(String customer, String token) throws Exception {
        HttpResponse<InputStream> response = exportResponse(customer, token);
        assertEquals(200, response.statusCode());
        assertEquals("application/zip", response.headers().firstValue("Content-Type").orElse(""));
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(response.body())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                zip.transferTo(bytes);
                files.put(entry.getName(), bytes.toByteArray());
            }
        }
        return files;
    }

    private static List<CSVRecord> csv(byte[] file) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(file, StandardCharsets.UTF_8))).getRecords();
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + list);
    }
}
