package com.budgetsync.worker.failures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.settings.WorkerSettings;
import com.budgetsync.testing.SeedExample;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.testing.SourceSyncEnvironment;
import com.budgetsync.workflow.SyncResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worker's PostgreSQL goes away for 25 s, longer than the 2 + 4 + 8 s of ordinary retries, as in a restart or
 * failover: the worker reaches it through a TCP proxy on 127.0.0.1 that refuses connections meanwhile. The run waits
 * the outage out and imports, instead of failing or staying {@code running}.
 */
@Timeout(180)
class DatabaseOutageTest {
    private static final long OUTAGE_MILLIS = 25_000;
    // the worker reaches the database through the proxy; the test stores its upload directly
    @RegisterExtension
    @Order(1)
    static final TestDatabase db = TestDatabase.perClass();
    @RegisterExtension
    @Order(2)
    static final Proxy proxy = new Proxy(db);
    @RegisterExtension
    @Order(3)
    static final SourceSyncEnvironment syncs = SourceSyncEnvironment.realWorker(db, proxy::jdbi,
            WorkerSettings.DEFAULT);

    @Test
    void aRunRidesOutADatabaseRestartLongerThanTheOrdinaryRetries() throws Exception {
        StoredFile file = syncs.upload("outage-" + UUID.randomUUID(), "budgets.csv",
                SeedExample.CSV.getBytes(StandardCharsets.UTF_8), ConfigOptions.DEFAULTS);
        proxy.down = true;
        long started = System.currentTimeMillis();
        Thread restart = new Thread(() -> {
            try {
                Thread.sleep(OUTAGE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            proxy.down = false;
        });
        restart.start();

        SyncResult result = syncs.syncUpload(file);

        assertEquals(SyncStatus.SUCCESS, result.status(), result.message());
        assertTrue(System.currentTimeMillis() - started >= OUTAGE_MILLIS, "the outage was not in the way");
        assertEquals(4, db.countActiveBudgets(file.customerId()));
        assertTrue(proxy.refused > 0, "no connection was refused");
    }

    /**
     * Forwards to the class's PostgreSQL database, or, while {@link #down}, accepts and closes at once, as a
     * restarting server does.
     */
    static final class Proxy implements BeforeAllCallback, AfterAllCallback {
        private final TestDatabase db;
        private ServerSocket socket;
        private String target;
        private String host;
        private int port;
        volatile boolean down;
        volatile int refused;

        Proxy(TestDatabase db) {
            this.db = db;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            target = db.url().jdbcUrl();
            String hostPort = target.substring(target.indexOf("//") + 2, target.indexOf('/',
                    target.indexOf("//") + 2));
            host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
            port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
            Thread acceptor = new Thread(this::accept, "db-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        /** The database as reached through the proxy. */
        Jdbi jdbi() {
            String hostPort = host + (target.contains(host + ":") ? ":" + port : "");
            String jdbcUrl = target.replace("//" + hostPort + "/", "//127.0.0.1:" + socket.getLocalPort() + "/");
            return Jdbi.create(jdbcUrl, db.url().user() == null ? "postgres" : db.url().user(),
                    db.url().password() == null ? "" : db.url().password());
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    if (down) {
                        refused++;
                        client.close();
                        continue;
                    }
                    Socket server = new Socket(host, port);
                    pipe(client, server);
                    pipe(server, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void pipe(Socket from, Socket to) {
            Thread copy = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // either side closed
                } finally {
                    try {
                        from.close();
                        to.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            });
            copy.setDaemon(true);
            copy.start();
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            socket.close();
        }
    }
}
