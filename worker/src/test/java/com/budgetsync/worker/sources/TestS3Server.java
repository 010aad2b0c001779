package com.budgetsync.worker.sources;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API: S3Proxy started as its own {@code java -jar} process (its fat jar would clash with the test
 * classpath; modules using it exclude it from the classpath and name it in {@code s3proxy.jar}, see worker/pom.xml)
 * on a random loopback port, keeping objects in a folder of the test (jclouds filesystem blobstore).
 */
public final class TestS3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "AKIATESTBUDGETSYNC01";
    public static final String SECRET_KEY = "s3-Secret/Key+ForTests-0123456789abcdef";

    private final Process process;
    private final int port;
    final Path blobs;
    public final S3Client admin;

    public TestS3Server(Path dir) throws Exception {
        String jar = System.getProperty("s3proxy.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("s3proxy.jar system property must point at S3Proxy's fat jar: " + jar);
        }
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        blobs = Files.createDirectories(dir.resolve("blobs"));
        Path properties = Files.writeString(dir.resolve("s3proxy.properties"), String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + blobs));
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar, "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        awaitPort(Duration.ofSeconds(60), dir.resolve("s3proxy.log"));
        admin = S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private void awaitPort(Duration timeout, Path log) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("S3Proxy did not open port " + port + " in " + timeout);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    /** A source config for {@code bucket}/{@code prefix} on this server with the test credentials. */
    Map<String, Object> config(String bucket, String prefix) {
        Map<String, Object> config = new HashMap<>();
        config.put("bucketName", bucket);
        config.put("prefix", prefix);
        config.put("region", "us-east-1");
        config.put("endpoint", endpoint().toString());
        config.put("pathStyle", true);
        config.put("accessKeyId", ACCESS_KEY);
        config.put("secretAccessKey", SECRET_KEY);
        config.put("settleCheckSeconds", 0);
        return config;
    }

    @Override
    public void close() throws Exception {
        admin.close();
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
