package com.budgetsync.worker.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.crypto.SecretCipher;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md's rerun command works as written: its workflow type, task queue, workflow id, memo and JSON input
 * are read from the marked blocks of the document itself, the tctl variant must say the same, and a run started with
 * exactly those values through an untyped stub — as the CLI starts it, JSON bytes and all — polls the documented
 * customer's SFTP source, imports, and lands in sync_history under the documented sync id.
 */
@Timeout(180)
class OperationsRunbookTest {
    private static final Path RUNBOOK = Path.of("..", "docs", "operations.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    @RegisterExtension
    final TemporalTestEnvironment temporal = TemporalTestEnvironment.withWorkflows(BudgetSyncWorkflowImpl.class);

    @Test
    void theDocumentedRerunCommandStartsARunThatLandsInTheHistory() throws Exception {
        Map<String, List<String>> cli = flags("rerun-temporal");
        Map<String, List<String>> tctl = flags("rerun-tctl");
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
        String customer = request.path("customerId").asText();
        long configId = request.path("configId").asLong();
        String syncId = request.path("syncId").asText();
        assertEquals(WorkflowIds.run(customer, configId, syncId), workflowId, "the documented id scheme");

        Path exports = Files.createDirectories(dir.resolve("exports"));
        Path file = Files.writeString(exports.resolve("budget.csv"), SeedExample.CSV);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        SourceSecrets secrets = new SourceSecrets(new SecretCipher(new byte[32]));
        try (TestDatabase db = TestDatabase.create();
             TestSftpServer sftp = new TestSftpServer(dir)) {
            Map<String, Object> source = Map.of("host", "127.0.0.1", "port", sftp.port(),
                    "username", TestSftpServer.USER, "password", TestSftpServer.PASSWORD, "remotePath", "/exports",
                    "hostKeyFingerprint", sftp.fingerprint(), "settleCheckSeconds", 0);
            long created = new ConfigDao(db.jdbi()).create(customer, "FP&A export", SourceType.SFTP, true, "daily",
                    "UTC", secrets.encrypt(source), ConfigOptions.DEFAULTS).id();
            assertEquals(configId, created, "the documented config is the first of a fresh database");
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
            assertEquals(4, db.countActiveBudgets(customer));
        }
    }

    /** The flags of the shell command in the fenced block after {@code <!-- runbook:<name>}, quotes removed. */
    private static Map<String, List<String>> flags(String name) throws Exception {
        String doc = Files.readString(RUNBOOK, StandardCharsets.UTF_8);
        int marker = doc.indexOf("<!-- runbook:" + name);
        assertTrue(marker >= 0, "no runbook:" + name + " block in " + RUNBOOK);
        int start = doc.indexOf("```sh\n", marker) + "```sh\n".length();
        String command = doc.substring(start, doc.indexOf("```", start)).replace("\\\n", " ");
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
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
