package com.budgetsync.worker.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.settings.WorkerSettings;
import com.budgetsync.testing.SeedExample;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.testing.TemporalTestEnvironment;
import com.budgetsync.worker.SyncWorker;
import com.budgetsync.worker.testing.SourceSyncEnvironment;
import com.budgetsync.worker.workflow.BudgetSyncWorkflowImpl;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.SyncResult;
import com.budgetsync.workflow.TaskQueues;
import com.budgetsync.workflow.WorkflowIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.RawValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md's rerun command works as written: its marked blocks run with bash against a recording
 * {@code docker}, which gives the workflow type, task queue, workflow id, memo and JSON input the reader's shell would
 * pass; the tctl variant must say the same, and a run started with
 * exactly those values through an untyped stub — as the CLI starts it, JSON bytes and all — polls the documented
 * customer's SFTP source, imports, and lands in sync_history under the documented sync id.
 */
@Timeout(180)
class OperationsRunbookTest {
    private static final Path RUNBOOK = Path.of("..", "docs", "operations.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The customer the runbook's examples use. */
    private static final String CUSTOMER = "acme";

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    @RegisterExtension
    static final SourceSyncEnvironment sourceConfigs = SourceSyncEnvironment.withoutTemporal(db);
    @TempDir
    Path dir;
    @RegisterExtension
    final TemporalTestEnvironment temporal = TemporalTestEnvironment.withWorkflows(BudgetSyncWorkflowImpl.class);

    @Test
    void theDocumentedRerunCommandStartsARunThatLandsInTheHistory() throws Exception {
        Path exports = Files.createDirectories(dir.resolve("exports"));
        Path file = Files.writeString(exports.resolve("budget.csv"), SeedExample.CSV);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        SourceSecrets secrets = sourceConfigs.secrets();
        try (TestSftpServer sftp = new TestSftpServer(dir)) {
            Map<String, Object> source = Map.of("host", "127.0.0.1", "port", sftp.port(),
                    "username", TestSftpServer.USER, "password", TestSftpServer.PASSWORD, "remotePath", "/exports",
                    "hostKeyFingerprint", sftp.fingerprint(), "settleCheckSeconds", 0);
            // two configs, so that a command that ignored $CONFIG would start the wrong one
            ConfigDao configs = new ConfigDao(db.jdbi());
            configs.create(CUSTOMER, "Other export", SourceType.SFTP, false, "daily", "UTC",
                    secrets.encrypt(source), ConfigOptions.DEFAULTS);
            long configId = configs.create(CUSTOMER, "FP&A export", SourceType.SFTP, true, "daily",
                    "UTC", secrets.encrypt(source), ConfigOptions.DEFAULTS).id();

            List<Map<String, List<String>>> calls = dockerCalls(configId);
            assertEquals(2, calls.size(), "the temporal and the tctl command");
            Map<String, List<String>> cli = calls.get(0);
            Map<String, List<String>> tctl = calls.get(1);
            assertEquals(cli.get("--type"), tctl.get("--workflow_type"));
            assertEquals(cli.get("--task-queue"), tctl.get("--taskqueue"));
            assertEquals(cli.get("--workflow-id"), tctl.get("--workflow_id"));
            assertEquals(cli.get("--input"), tctl.get("--input"));
            Map<String, Object> memo = memo(cli);
            assertEquals(memo, tctlMemo(tctl));

            String type = one(cli, "--type");
            String taskQueue = one(cli, "--task-queue");
            String workflowId = one(cli, "--workflow-id");
            String input = one(cli, "--input");
            assertEquals(BudgetSyncWorkflow.TYPE, type);
            assertEquals(TaskQueues.BUDGET_SYNC, taskQueue);
            JsonNode request = JSON.readTree(input);
            assertEquals(CUSTOMER, request.path("customerId").asText());
            assertEquals(configId, request.path("configId").asLong(), "the config named by $CONFIG");
            assertEquals(configId, ((Number) memo.get("configId")).longValue());
            String syncId = request.path("syncId").asText();
            assertEquals(WorkflowIds.run(CUSTOMER, configId, syncId), workflowId, "the documented id scheme");
            assertEquals(SourceType.SFTP.dbValue(), memo.get("sourceType"));

            temporal.start(SyncWorker.activities(temporal.client(), db.jdbi(), WorkerSettings.DEFAULT, secrets));

            WorkflowStub run = temporal.client().newUntypedWorkflowStub(type, WorkflowOptions.newBuilder()
                    .setTaskQueue(taskQueue).setWorkflowId(workflowId).setMemo(memo).build());
            run.start(new RawValue(Payload.newBuilder()
                    .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
                    .setData(ByteString.copyFromUtf8(input)).build()));
            SyncResult result = run.getResult(SyncResult.class);

            assertEquals(SyncStatus.SUCCESS, result.status(), result.message());
            assertEquals(syncId, result.syncId());
            SyncRecord record = new SyncHistoryDao(db.jdbi()).find(syncId).orElseThrow();
            assertEquals(SyncStatus.SUCCESS, record.status());
            assertEquals(TriggeredBy.MANUAL, record.triggeredBy());
            assertEquals(workflowId, record.workflowId());
            assertEquals(4, db.countActiveBudgets(CUSTOMER));
        }
    }

    /**
     * Runs the two runbook blocks with bash as a reader would, {@code $CONFIG} set, and {@code docker} a function that
     * records its arguments: what each {@code docker compose exec …} call was given after the shell's own quoting.
     */
    private List<Map<String, List<String>>> dockerCalls(long configId) throws Exception {
        Path calls = Files.createDirectories(dir.resolve("docker-calls"));
        String script = "set -euo pipefail\n"
                + "docker() { n=$((${n:-0} + 1)); printf '%s\\0' \"$@\" > \"" + calls + "/$n\"; }\n"
                + "CONFIG=" + configId + "\n" + block("rerun-temporal") + block("rerun-tctl");
        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), "the runbook blocks run with bash: " + output);
        List<Map<String, List<String>>> result = new ArrayList<>();
        for (int n = 1; Files.exists(calls.resolve(String.valueOf(n))); n++) {
            String args = Files.readString(calls.resolve(String.valueOf(n)), StandardCharsets.UTF_8);
            result.add(flags(List.of(args.split("\0"))));
        }
        return result;
    }

    /** The fenced block after {@code <!-- runbook:<name>}. */
    private static String block(String name) throws Exception {
        String doc = Files.readString(RUNBOOK, StandardCharsets.UTF_8);
        int marker = doc.indexOf("<!-- runbook:" + name);
        assertTrue(marker >= 0, "no runbook:" + name + " block in " + RUNBOOK);
        int start = doc.indexOf("```sh\n", marker) + "```sh\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    private static Map<String, List<String>> flags(List<String> words) {
        Map<String, List<String>> flags = new HashMap<>();
        for (int i = 0; i < words.size() - 1; i++) {
            if (words.get(i).startsWith("--")) {
                flags.computeIfAbsent(words.get(i), k -> new ArrayList<>()).add(words.get(++i));
            }
        }
        return flags;
    }

    private static String one(Map<String, List<String>> flags, String name) {
        List<String> values = flags.getOrDefault(name, List.of());
        assertEquals(1, values.size(), name + " given once");
        return values.get(0);
    }

    /** {@code temporal}'s {@code --memo KEY=JSON}. */
    private static Map<String, Object> memo(Map<String, List<String>> flags) throws Exception {
        Map<String, Object> memo = new LinkedHashMap<>();
        for (String entry : flags.getOrDefault("--memo", List.of())) {
            int eq = entry.indexOf('=');
            memo.put(entry.substring(0, eq), JSON.readValue(entry.substring(eq + 1), Object.class));
        }
        return memo;
    }

    /** {@code tctl}'s {@code --memo_key KEY --memo JSON}, paired in order. */
    private static Map<String, Object> tctlMemo(Map<String, List<String>> flags) throws Exception {
        List<String> keys = flags.getOrDefault("--memo_key", List.of());
        List<String> values = flags.getOrDefault("--memo", List.of());
        assertEquals(keys.size(), values.size(), "one --memo per --memo_key");
        Map<String, Object> memo = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            memo.put(keys.get(i), JSON.readValue(values.get(i), Object.class));
        }
        return memo;
    }
}
