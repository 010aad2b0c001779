package com.budgetsync.api.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.worker.sources.TestSftpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Setting up an SFTP source in the browser against a real SFTP server (Apache MINA SSHD). */
class ConsoleSourcesTest {
    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();

    @TempDir
    Path root;

    @Test
    void anSftpSourceIsCreatedTestedAndItsHostKeyPinnedFromTheConnectionReport() throws Exception {
        Path export = Files.writeString(root.resolve("budget-2025.csv"), ConsoleData.BUDGET_CSV);
        Files.setLastModifiedTime(export, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
        try (TestSftpServer sftp = new TestSftpServer(root)) {
            browser.signInAsAdmin("globex", "#/sources");
            browser.waitFor(By.id("new-source")).click();
            browser.type(By.id("source-name"), "Anaplan drop");
            new Select(browser.waitFor(By.id("source-type"))).selectByValue("sftp");
            browser.type(By.id("src-host"), "127.0.0.1");
            browser.type(By.id("src-port"), Integer.toString(sftp.port()));
            browser.type(By.id("src-username"), TestSftpServer.USER);
            browser.type(By.id("src-password"), TestSftpServer.PASSWORD);
            browser.type(By.id("source-frequency"), "manual");
            browser.waitFor(By.id("save-source")).click();

            browser.waitForText(By.id("sources"), "Anaplan drop");
            browser.waitForText(By.cssSelector("#source-editor label[for=src-password]"), "(set)");
            assertTrue(browser.driver().findElement(By.id("src-password")).getAttribute("value").isEmpty(),
                    "a stored secret is never sent back to the browser");
            browser.waitFor(By.id("test-connection")).click();

            String seen = browser.waitFor(By.id("seen-fingerprint")).getText();
            assertEquals(sftp.fingerprint(), seen, "the report shows the server's real host key");
            assertTrue(browser.waitFor(By.id("report-error")).getText().contains("host key"),
                    "without a pin nothing is sent to the server");
            browser.waitFor(By.id("pin-host-key")).click();
            browser.until(d -> seen.equals(d.findElement(By.id("src-hostKeyFingerprint")).getAttribute("value")));
            browser.waitFor(By.id("test-connection")).click();

            browser.waitForText(By.id("files-matching"), "1");
            assertEquals("budget-2025.csv", browser.waitFor(By.id("next-file")).getText());
            assertTrue(browser.driver().findElements(By.id("report-error")).isEmpty());
            browser.scrollTo(By.id("test-report"));
        }
        JsonNode config = browser.app().get("/api/sync/config?customerId=globex").json().path("configs").get(0);
        assertEquals(browser.driver().findElement(By.id("seen-fingerprint")).getText(),
                config.path("sourceConfig").path("hostKeyFingerprint").asText());
        assertEquals("********", config.path("sourceConfig").path("password").asText(), "the password is kept");
        assertFalse(browser.driver().getPageSource().contains(TestSftpServer.PASSWORD));
    }

    @Test
    void aWebhookIsAddedInTheFormKeptThroughEditsWithoutBeingShownAndCalledAfterARun() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/services/T1/B2/hookSecret42";
            browser.signInAsAdmin("massive", "#/sources");
            browser.waitFor(By.id("new-source")).click();
            browser.type(By.id("source-name"), "Uploads");
            new Select(browser.waitFor(By.id("source-type"))).selectByValue("upload");
            browser.type(By.id("source-frequency"), "manual");
            browser.type(By.id("opt-webhooks"), hook);
            browser.waitFor(By.id("opt-on-success")).click();
            browser.waitFor(By.id("save-source")).click();

            browser.waitForText(By.id("sources"), "Uploads");
            browser.until(d -> d.findElement(By.id("opt-webhooks")).getAttribute("value").contains("127.0.0.1"));
            browser.waitForText(By.id("upload-note"), "Upload page");
            assertTrue(browser.driver().findElements(By.id("test-connection")).isEmpty(),
                    "an upload source has nothing to test");
            String shown = browser.driver().findElement(By.id("opt-webhooks")).getAttribute("value");
            assertFalse(shown.contains("hookSecret42"), "the saved webhook shows masked: " + shown);
            browser.type(By.id("source-name"), "Uploads from Anaplan");
            browser.waitFor(By.id("save-source")).click();
            browser.waitForText(By.id("sources"), "Uploads from Anaplan");
            browser.scrollTo(By.id("opt-webhooks"));

            JsonNode config = browser.app().get("/api/sync/config?customerId=massive").json().path("configs").get(0);
            assertEquals(shown, config.path("options").path("notifyWebhooks").get(0).asText());
            String syncId = new ConsoleData(browser.app()).upload("massive", "budget.csv", ConsoleData.BUDGET_CSV);
            browser.until(d -> received.stream().anyMatch(body -> body.contains(syncId)));
            assertFalse(browser.driver().getPageSource().contains("hookSecret42"));
        } finally {
            receiver.stop(0);
        }
    }
}
