package com.budgetsync.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/alerts/budget-sync.rules.yml as Prometheus reads it: {@code promtool check rules} accepts it, and
 * {@code promtool test rules} runs budget-sync.rules.test.yml, whose series fire each alert and, beside them, series
 * that must not (success rate, slow run, row error rate, stale data, failure streak). promtool comes with Debian's
 * {@code prometheus} package, which .ci/run installs; without it these tests are skipped, saying so.
 */
class AlertingRulesTest {
    private static final Path RULES = Path.of("..", "docs", "alerts");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @BeforeAll
    static void promtoolInstalled() {
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool is not installed (apt-get install prometheus, as"
                + " .ci/run does): the alerting rules were not checked");
    }

    @Test
    void rulesAreValid() throws Exception {
        String out = promtool("check", "rules", "budget-sync.rules.yml");
        assertTrue(out.contains("SUCCESS: 5 rules found"), out);
    }

    @Test
    void eachAlertFiresOnItsSeriesAndOnlyThere() throws Exception {
        String out = promtool("test", "rules", "budget-sync.rules.test.yml");
        assertTrue(out.contains("SUCCESS"), out);
    }

    /** Runs promtool in docs/alerts; fails the test with its output unless it exits 0. */
    private static String promtool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = PROMTOOL.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool did not finish: " + out);
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
