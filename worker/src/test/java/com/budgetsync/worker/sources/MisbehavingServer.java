package com.budgetsync.worker.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A plain TCP server on a random loopback port that misbehaves on purpose: each connection gets what the test's
 * {@link Behaviour} for its number (1, 2, …) says: silence, or an HTTP answer whose body stops, or a whole one.
 * It then waits for the client to drop the connection and records when that happened, so a test can tell that the
 * client let go of it rather than kept a thread blocked on it.
 */
final class MisbehavingServer implements AutoCloseable {
    /** What one connection gets. */
    interface Behaviour {
        /** Accepts and never sends a byte. */
        Behaviour SILENT = out -> { };

        void answer(OutputStream out) throws IOException;

        /** HTTP 200 with a Content-Length of {@code body} but only its first {@code sent} bytes, then nothing. */
        static Behaviour httpBodyStopsAfter(String body, int sent) {
            return out -> {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/csv\r\nContent-Length: "
                        + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, 0, sent);
                out.flush();
            };
        }

        /** A whole HTTP 200 answer. */
        static Behaviour http(String body) {
            return httpBodyStopsAfter(body, body.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    /** Per dropped connection: its number. */
    private final BlockingQueue<Integer> dropped = new LinkedBlockingQueue<>();

    MisbehavingServer(IntFunction<Behaviour> byConnection) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    int number = connections.incrementAndGet();
                    Thread serve = new Thread(() -> serve(client, number, byConnection.apply(number)));
                    serve.setDaemon(true);
                    serve.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "misbehaving-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve(Socket client, int number, Behaviour behaviour) {
        try (client; InputStream in = client.getInputStream()) {
            if (behaviour != Behaviour.SILENT) {
                readRequestHead(in);
            }
            behaviour.answer(client.getOutputStream());
            while (in.read() >= 0) { // whatever else comes, until the client drops the connection
                continue;
            }
        } catch (IOException e) {
            // a reset is a drop too
        }
        dropped.add(number);
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < end.length && (b = in.read()) >= 0; ) {
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** The number of the next connection the client drops, or null if none within {@code seconds}. */
    Integer nextDrop(long seconds) throws InterruptedException {
        return dropped.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
