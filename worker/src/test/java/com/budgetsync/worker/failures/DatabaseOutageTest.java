package com.budgetsync.worker.failures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.settings.WorkerSettings;
import com.budgetsync.testing.SeedExample;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.SyncWorker;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.SyncRequest;
import com.budgetsync.workflow.SyncResult;
import com.budgetsync.workflow.TaskQueues;
import com.budgetsync.workflow.WorkflowIds;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worker's PostgreSQL goes away for 25 s, longer than the 2 + 4 + 8 s of ordinary retries, as in a restart or
 * failover: the worker reaches it through a TCP proxy on 127.0.0.1 that refuses connections meanwhile. The run waits
 * the outage out and imports, instead of failing or staying {@code running}.
 */
@Timeout(180)
class DatabaseOutageTest {
    private static final long OUTAGE_MILLIS = 25_000;
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    @Test
    void aRunRidesOutADatabaseRestartLongerThanTheOrdinaryRetries() throws Exception {
        DataSourceConfig config = new ConfigDao(db.jdbi()).create("outage-" + UUID.randomUUID(), "upload",
                SourceType.UPLOAD, true, "manual", "UTC", Map.of(), ConfigOptions.DEFAULTS);
        StoredFile file = new FileStore(db.jdbi()).store(config.customerId(), config.id(), "budgets.csv",
                new ByteArrayInputStream(SeedExample.CSV.getBytes(StandardCharsets.UTF_8)), 1 << 20,
                FileStore.Origin.NONE);
        try (Proxy proxy = new Proxy(db.url().jdbcUrl());
             TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions
                     .newBuilder().setUseTimeskipping(false).build())) {
            Jdbi throughProxy = Jdbi.create(proxy.jdbcUrl(), db.url().user() == null ? "postgres" : db.url().user(),
                    db.url().password() == null ? "" : db.url().password());
            temporal.start();
            SyncWorker worker = new SyncWorker(temporal.getWorkflowClient(), throughProxy, WorkerSettings.DEFAULT,
                    new SourceSecrets(new SecretCipher(new byte[32])));
            worker.start();
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

            String syncId = UUID.randomUUID().toString();
            SyncResult result = temporal.getWorkflowClient().newWorkflowStub(BudgetSyncWorkflow.class,
                    WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BUDGET_SYNC)
                            .setWorkflowId(WorkflowIds.run(config.customerId(), config.id(), syncId)).build())
                    .sync(new SyncRequest(config.customerId(), config.id(), TriggeredBy.API, syncId, file.id(),
                            false));

            assertEquals(SyncStatus.SUCCESS, result.status(), result.message());
            assertTrue(System.currentTimeMillis() - started >= OUTAGE_MILLIS, "the outage was not in the way");
            assertEquals(4, db.countActiveBudgets(config.customerId()));
            assertTrue(proxy.refused > 0, "no connection was refused");
            worker.stop();
        }
    }

    /** Forwards to PostgreSQL, or, while {@link #down}, accepts and closes at once, as a restarting server does. */
    static final class Proxy implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final String target;
        private final String host;
        private final int port;
        volatile boolean down;
        volatile int refused;

        Proxy(String jdbcUrl) throws IOException {
            this.target = jdbcUrl;
            String hostPort = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2, jdbcUrl.indexOf('/',
                    jdbcUrl.indexOf("//") + 2));
            this.host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
            this.port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1))
                    : 5432;
            Thread acceptor = new Thread(this::accept, "db-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String jdbcUrl() {
            String hostPort = host + (target.contains(host + ":") ? ":" + port : "");
            return target.replace("//" + hostPort + "/", "//127.0.0.1:" + socket.getLocalPort() + "/");
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
        public void close() throws IOException {
            socket.close();
        }
    }
}
