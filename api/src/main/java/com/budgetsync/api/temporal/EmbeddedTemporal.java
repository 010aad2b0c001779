package com.budgetsync.api.temporal;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The temporal-testing Java server bound to a real gRPC port with real time: workers and clients talk to it exactly as
 * to a cluster. It keeps everything in memory, so a restart forgets every workflow (the API re-creates schedules).
 */
public final class EmbeddedTemporal implements AutoCloseable {
    private final TestServer.PortBoundTestServer server;
    private final int port;

    private EmbeddedTemporal(TestServer.PortBoundTestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static final int DEFAULT_PORT = 7233;

    public static EmbeddedTemporal start(int port) {
        return new EmbeddedTemporal(TestServer.createPortBoundServer(port, true), port);
    }

    /** On a free port: for sync-file and tests, which must not collide with a running dev. */
    public static EmbeddedTemporal startOnFreePort() {
        return start(freePort());
    }

    /**
     * On 7233, where Temporal's tools look first, unless something listens there already (another dev): then on a
     * free port. Trying the bind itself, rather than probing first, leaves no gap for two starting at once.
     */
    public static EmbeddedTemporal startOnDefaultPortOrFree() {
        try {
            return start(DEFAULT_PORT);
        } catch (RuntimeException taken) {
            if (!(taken.getCause() instanceof IOException)) {
                throw taken;
            }
            return startOnFreePort();
        }
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
