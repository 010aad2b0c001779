package com.budgetsync.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.worker.sources.TestSftpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command block of the docs works as written: the blocks marked {@code <!-- docs-test -->} in README.md and
 * docs/*.md run with bash, in document order (onboarding.md first: later guides use the {@code $CONFIG} and
 * {@code $SYNC} it keeps), against the whole application with its worker, a real SFTP server and real files. curl
 * fails on any HTTP error here ({@code --fail-with-body}), so a 4xx/5xx answer fails the test, naming the block.
 *
 * <p>The only changes made to a block are the values a reader puts in for their own setup: the dev address and token,
 * and the example SFTP host, password, host key and drop folder, replaced by this test's real ones ({@link #REAL}).
 */
class DocsCommandsTest {
    static final String MARK = "<!-- docs-test -->";
    private static final Path ROOT = Path.of("..");

    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();
    @TempDir
    static Path work;
    private static TestSftpServer sftp;
    private static final Map<String, String> REAL = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path exports = Files.createDirectories(work.resolve("sftp").resolve("exports"));
        Path drop = Files.createDirectories(work.resolve("drop"));
        for (Path file : List.of(work.resolve("budget.xlsx"), exports.resolve("budget.xlsx"),
                drop.resolve("budget.xlsx"))) {
            try (InputStream in = DocsCommandsTest.class.getResourceAsStream("/fixtures/excel_budget_workbook.xlsx")) {
                Files.copy(in, file);
            }
        }
        sftp = new TestSftpServer(work.resolve("sftp"));
        REAL.put("http://localhost:8080", app.url(""));
        REAL.put("dev-admin-token", RunningApp.ADMIN_TOKEN);
        REAL.put("\"host\": \"sftp.acme.example\"", "\"host\": \"127.0.0.1\", \"port\": " + sftp.port());
        REAL.put("\"password\": \"…\"", "\"password\": \"" + TestSftpServer.PASSWORD + "\"");
        REAL.put("\"SHA256:…\"", "\"" + sftp.fingerprint() + "\"");
        REAL.put("/srv/budget-drop", drop.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        sftp.close();
    }

    @Test
    void everyMarkedCommandRunsAsWritten() throws Exception {
        List<Block> blocks = new ArrayList<>();
        for (Path doc : documents()) {
            blocks.addAll(Block.marked(doc));
        }
        assertTrue(blocks.size() >= 12, "the onboarding steps, upload and local configs, rotation, runbook: " + blocks);

        StringBuilder script = new StringBuilder("""
                set -euo pipefail
                API="$BASE/api"
                AUTH="Authorization: Bearer $ADMIN_TOKEN"
                TOKEN="$ADMIN_TOKEN"
                curl() { command curl --silent --show-error --fail-with-body "$@"; }
                trap 'echo "FAILED: $BLOCK" >&2' ERR
                """.replace("$BASE", app.url("")).replace("$ADMIN_TOKEN", RunningApp.ADMIN_TOKEN));
        for (Block block : blocks) {
            script.append("BLOCK='").append(block.where()).append("'\necho \">>> $BLOCK\" >&2\n")
                    .append(block.withRealValues(REAL)).append("\necho\n");
        }
        Process bash = new ProcessBuilder("bash", "-c", script.toString()).directory(work.toFile())
                .redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(0, bash.exitValue(), output);
        assertTrue(Files.size(work.resolve("errors.csv")) > 0, "onboarding step 6 downloaded errors.csv");
    }

    @Test
    void everyCurlCommandBlockInTheDocsIsMarked() throws Exception {
        for (Path doc : documents()) {
            for (Block block : Block.all(doc)) {
                if (block.text().contains("curl ")) {
                    assertTrue(block.marked(), block.where() + " runs curl but is not marked " + MARK
                            + ", so no test runs it:\n" + block.text());
                }
            }
        }
    }

    /** onboarding.md first (it keeps $CONFIG and $SYNC), then the other guides and the README. */
    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("docs/onboarding.md"));
        try (Stream<Path> all = Files.list(ROOT.resolve("docs"))) {
            all.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("onboarding.md"))
                    .sorted().forEach(docs::add);
        }
        docs.add(ROOT.resolve("README.md"));
        return docs;
    }

    /** A fenced ({@code ```}) or indented code block, and whether the line before it is the {@link #MARK}. */
    record Block(Path doc, int line, String text, boolean marked) {
        static List<Block> all(Path doc) throws IOException {
            List<String> lines = Files.readAllLines(doc);
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                boolean marked = i > 0 && lines.get(i - 1).strip().equals(MARK)
                        || i > 1 && lines.get(i - 1).isBlank() && lines.get(i - 2).strip().equals(MARK);
                if (lines.get(i).startsWith("```")) {
                    int end = i + 1;
                    while (end < lines.size() && !lines.get(end).startsWith("```")) {
                        end++;
                    }
                    blocks.add(new Block(doc, i + 1, String.join("\n", lines.subList(i + 1, end)), marked));
                    i = end;
                } else if (lines.get(i).startsWith("    ") && (i == 0 || lines.get(i - 1).isBlank())) {
                    int end = i;
                    List<String> code = new ArrayList<>();
                    while (end < lines.size() && (lines.get(end).startsWith("    ") || lines.get(end).isBlank())) {
                        code.add(lines.get(end).length() >= 4 ? lines.get(end).substring(4) : "");
                        end++;
                    }
                    blocks.add(new Block(doc, i + 1, String.join("\n", code).strip(), marked));
                    i = end - 1;
                }
            }
            return blocks;
        }

        static List<Block> marked(Path doc) throws IOException {
            return all(doc).stream().filter(Block::marked).toList();
        }

        String where() {
            return ROOT.relativize(doc) + ":" + line;
        }

        String withRealValues(Map<String, String> real) {
            String replaced = text;
            for (Map.Entry<String, String> value : real.entrySet()) {
                replaced = replaced.replace(value.getKey(), value.getValue());
            }
            return replaced;
        }
    }
}
