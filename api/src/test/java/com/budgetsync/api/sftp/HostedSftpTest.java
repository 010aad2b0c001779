package com.budgetsync.api.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.testing.SeedExample;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hosted SFTP server with Debian's OpenSSH client ({@code sftp -b}): two customers get accounts through the API,
 * each logs in with a key made by ssh-keygen and sees only its own folder, and the config created with the account
 * imports what was dropped on its schedule.
 */
@Timeout(300)
class HostedSftpTest {
    static final Path DIR = temp();
    static final int PORT = freePort();
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass(config -> {
        config.getSftp().setHost("127.0.0.1");
        config.getSftp().setPort(PORT);
        config.getSftp().setRoot(DIR.resolve("drops").toString());
    });
    static HostedSftpServer server;

    @BeforeAll
    static void startServer() throws Exception {
        SourceSecrets secrets = new SourceSecrets(SecretCipher.fromKeyOrKeyFile(null, app.encryptionKeyFile));
        server = new HostedSftpServer("127.0.0.1", PORT, DIR.resolve("drops"), app.db.jdbi(), secrets);
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Test
    void twoCustomersDropIntoTheirOwnFoldersAndTheScheduleImports() throws Exception {
        String aliceKey = keygen("alice");
        String bobKey = keygen("bob");
        RunningApp.Response alice = app.postJson("/api/customers/sftp-alice/sftp-account", Map.of(
                "publicKeys", List.of(aliceKey), "frequency", "* * * * *", "settleSeconds", 0));
        assertEquals(201, alice.status(), alice.body());
        JsonNode account = alice.json();
        assertEquals("127.0.0.1", account.path("host").asText());
        assertEquals(PORT, account.path("port").asInt());
        assertEquals("sftp-alice", account.path("username").asText());
        assertTrue(account.path("password").isMissingNode(), "no password asked for, none made: " + alice.body());
        assertTrue(account.path("instructions").asText().contains("sftp -P " + PORT + " sftp-alice@127.0.0.1"),
                alice.body());
        RunningApp.Response bob = app.postJson("/api/customers/sftp-bob/sftp-account", Map.of(
                "publicKeys", List.of(bobKey), "password", true));
        assertEquals(201, bob.status(), bob.body());
        String password = bob.json().path("password").asText();
        assertEquals(24, password.length(), bob.body());
        assertFalse(app.get("/api/customers/sftp-bob/sftp-account").body().contains(password), "shown once only");
        assertFalse(app.db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM sftp_account WHERE"
                + " customer_id = 'sftp-bob'").mapTo(String.class).one()).contains(password), "stored hashed");
        assertEquals(409, app.postJson("/api/customers/sftp-bob/sftp-account", Map.of()).status());
        assertTrue(passwordLogsIn("sftp-bob", password));
        assertFalse(passwordLogsIn("sftp-bob", password + "x"));
        assertFalse(passwordLogsIn("sftp-alice", password), "alice has no password login");
        String renewed = app.postJson("/api/customers/sftp-bob/sftp-account/password", Map.of()).json()
                .path("password").asText();
        assertTrue(passwordLogsIn("sftp-bob", renewed));
        assertFalse(passwordLogsIn("sftp-bob", password), "the old password stops working");

        // alice drops her export; the client checks the host key the API named
        Files.writeString(DIR.resolve("budget.csv"), SeedExample.CSV);
        Result put = sftp("alice", "put " + DIR.resolve("budget.csv") + " budget.csv\nls -1\n");
        assertEquals(0, put.exit(), put.output());
        assertTrue(put.output().contains("budget.csv"), put.output());
        String seen = run(List.of("ssh-keygen", "-lf", DIR.resolve("known_hosts_alice").toString())).output();
        assertTrue(seen.contains(account.path("hostKeyFingerprint").asText()), seen + " vs " + alice.body());

        // bob sees his own empty folder only, and cannot read or write alice's
        Result list = sftp("bob", "ls -1 /\n");
        assertEquals(0, list.exit(), list.output());
        assertFalse(list.output().contains("budget.csv") || list.output().contains("sftp-alice"), list.output());
        assertNotEquals(0, sftp("bob", "get ../sftp-alice/budget.csv " + DIR.resolve("stolen.csv") + "\n").exit());
        assertNotEquals(0, sftp("bob", "get /../../sftp-alice/budget.csv " + DIR.resolve("stolen.csv") + "\n").exit());
        Files.writeString(DIR.resolve("evil.csv"), "Department,Amount\nX,1\n");
        sftp("bob", "put " + DIR.resolve("evil.csv") + " ../sftp-alice/evil.csv\n");
        sftp("bob", "symlink /../sftp-alice link\n");
        assertFalse(Files.exists(DIR.resolve("stolen.csv")));
        try (Stream<Path> files = Files.walk(DIR.resolve("drops/sftp-alice"))) {
            assertEquals(List.of("budget.csv"), files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString()).toList());
        }
        assertFalse(Files.exists(DIR.resolve("drops/sftp-bob/link")));

        // the config made with alice's account polls her folder every minute: the next tick imports and archives
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        while (app.db.countActiveBudgets("sftp-alice") < 4 && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
        }
        assertEquals(4, app.db.countActiveBudgets("sftp-alice"));
        assertEquals(0, app.db.countActiveBudgets("sftp-bob"));
        JsonNode history = app.get("/api/sync/history?customerId=sftp-alice&configId="
                + account.path("configId").asLong()).json();
        assertEquals("cron", history.path("history").get(0).path("triggeredBy").asText(), history.toString());
        Instant archived = Instant.now().plusSeconds(20);
        while (!Files.exists(DIR.resolve("drops/sftp-alice/archive/budget.csv")) && Instant.now().isBefore(archived)) {
            Thread.sleep(500);
        }
        assertTrue(Files.exists(DIR.resolve("drops/sftp-alice/archive/budget.csv")), "archived where alice sees it");
    }

    @Test
    void anAccountNeedsAKeyOrPasswordAndRefusesABadKey() throws Exception {
        RunningApp.Response bad = app.postJson("/api/customers/sftp-carol/sftp-account", Map.of(
                "publicKeys", List.of("ssh-rsa not-a-key")));
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.json().path("error").asText().contains("is not an OpenSSH public key line"), bad.body());
        assertEquals(400, app.postJson("/api/customers/sftp-carol/sftp-account", Map.of("password", false))
                .status());
        assertEquals(404, app.get("/api/customers/sftp-carol/sftp-account").status());
    }

    /** Password logins through MINA's own SSH client (the OpenSSH client would need a terminal for the password). */
    private static boolean passwordLogsIn(String user, String password) throws IOException {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try (ClientSession session = client.connect(user, "127.0.0.1", PORT).verify(Duration.ofSeconds(10))
                    .getSession()) {
                session.addPasswordIdentity(password);
                session.auth().verify(Duration.ofSeconds(10));
                return true;
            } catch (SshException refused) {
                return false;
            }
        }
    }

    private static String keygen(String name) throws Exception {
        Result made = run(List.of("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-C", name + "@test",
                "-f", DIR.resolve(name).toString()));
        assertEquals(0, made.exit(), made.output());
        return Files.readString(DIR.resolve(name + ".pub")).trim();
    }

    /** OpenSSH's sftp in batch mode with the customer's key; its known_hosts learns the server's key on first use. */
    private static Result sftp(String who, String batch) throws Exception {
        Path commands = Files.writeString(DIR.resolve("batch-" + who), batch);
        return run(List.of("/usr/bin/sftp", "-b", commands.toString(), "-i", DIR.resolve(who).toString(),
                "-P", String.valueOf(PORT), "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                "-o", "StrictHostKeyChecking=accept-new",
                "-o", "UserKnownHostsFile=" + DIR.resolve("known_hosts_" + who), "sftp-" + who + "@127.0.0.1"));
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("hosted-sftp");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
