package com.budgetsync.worker.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.domain.ImportedFile;
import com.budgetsync.settings.AwsSettings;
import com.budgetsync.workflow.PollResult;
import com.budgetsync.workflow.RemoteFile;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

@Timeout(120)
class S3SourceTest {
    @TempDir
    static Path dir;
    static TestS3Server server;
    String bucket;

    @BeforeAll
    static void start() throws Exception {
        server = new TestS3Server(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void createBucket() {
        bucket = "budgets-" + UUID.randomUUID().toString().substring(0, 8);
        server.admin.createBucket(b -> b.bucket(bucket));
    }

    private void put(String key, String content) {
        server.admin.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    /** Writes straight into the filesystem blobstore: fast for many objects, and sets LastModified. */
    private void blob(String key, String content, Instant modified) throws Exception {
        Path file = server.blobs.resolve(bucket).resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static PollResult poll(Map<String, Object> config, List<ImportedFile> imported) throws Exception {
        try (S3Source source = new S3Source(config)) {
            return new SourcePoller(Clock.systemUTC()).poll(source, PollSettings.of(config), imported);
        }
    }

    private static SourceException failure(Map<String, Object> config) {
        return assertThrows(SourceException.class, () -> {
            try (S3Source source = new S3Source(config)) {
                source.list();
            }
        });
    }

    @Test
    void listsPastTheFirstThousandObjectsAndPicksTheNewestByLastModified() throws Exception {
        Instant base = Instant.now().minus(Duration.ofDays(30));
        for (int i = 0; i < 1100; i++) {
            blob(String.format("exports/budget-%04d.csv", i), "row " + i, base.plusSeconds(i));
        }
        blob("exports/archive/budget-old.csv", "archived", base.plus(Duration.ofDays(20)));
        blob("elsewhere/budget.csv", "outside the prefix", base.plus(Duration.ofDays(20)));
        // uploaded through the API, so it is the newest and has an ETag; not last in key order, past page one
        put("exports/budget-1050.csv", "the newest");

        Map<String, Object> config = server.config(bucket, "exports");
        config.put("settleSeconds", 0);
        try (S3Source source = new S3Source(config)) {
            assertEquals(1100, source.list().size());
            RemoteFile newest = new SourcePoller(Clock.systemUTC()).poll(source, PollSettings.of(config), List.of())
                    .file();
            assertEquals("exports/budget-1050.csv", newest.path());
            assertEquals("budget-1050.csv", newest.name());
            assertNotNull(newest.etag());
            try (InputStream in = source.open(newest)) {
                assertEquals("the newest", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theSameObjectVersionIsNotTakenTwiceButAChangedEtagIs() throws Exception {
        put("exports/budget.csv", "v1");
        Map<String, Object> config = server.config(bucket, "exports/");
        config.put("settleSeconds", 0);
        RemoteFile v1 = poll(config, List.of()).file();
        ImportedFile imported = new ImportedFile(v1.name(), v1.path(), v1.size(), v1.lastModified(), v1.etag(), "x");
        assertEquals(PollResult.none("no new file"), poll(config, List.of(imported)));

        put("exports/budget.csv", "v2");
        RemoteFile v2 = poll(config, List.of(imported)).file();
        assertEquals("exports/budget.csv", v2.path());
        assertFalse(v1.etag().equals(v2.etag()));
    }

    @Test
    void archiveAfterImportMovesTheObjectUnderArchive() throws Exception {
        blob("exports/budget.csv", "v1", Instant.now().minus(Duration.ofHours(1)));
        Map<String, Object> config = server.config(bucket, "exports");
        config.put("afterImport", "archive");
        try (S3Source source = new S3Source(config)) {
            source.afterImport(source.list().get(0));
        }
        List<String> keys = server.admin.listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                .map(o -> o.key()).filter(key -> !key.endsWith("/")).toList();
        assertEquals(List.of("exports/archive/budget.csv"), keys);
    }

    @Test
    void emptyPrefixIsNoNewFile() throws Exception {
        assertEquals(PollResult.none("no new file"), poll(server.config(bucket, "exports"), List.of()));
    }

    @Test
    void wrongSecretIsAnAuthenticationFailure() {
        Map<String, Object> config = server.config(bucket, "exports");
        config.put("secretAccessKey", "not-the-secret");
        SourceException e = failure(config);
        assertEquals("authentication failed for " + TestS3Server.ACCESS_KEY + "@127.0.0.1:" + server.port(),
                e.getMessage());
        assertFalse(e.retryable());
        assertFalse(String.valueOf(e.getCause()).contains("not-the-secret"));
    }

    @Test
    void missingBucketNamesIt() {
        SourceException e = failure(server.config("no-such-bucket", "exports"));
        assertEquals("bucket not found: no-such-bucket at 127.0.0.1:" + server.port(), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void accessDeniedNamesBucketAndPrefix() {
        // S3Proxy answers every signed request it cannot serve with InvalidAccessKeyId, never AccessDenied (an IAM
        // policy outcome): this one classification is checked on the SDK's own exception type instead
        S3Exception denied = (S3Exception) S3Exception.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build()).build();
        SourceException e;
        try (S3Source source = new S3Source(server.config("finance", "exports"))) {
            e = source.error(denied, "s3://finance/exports/");
        }
        assertEquals("access denied to s3://finance/exports/ for " + TestS3Server.ACCESS_KEY
                + ": allow s3:ListBucket and s3:GetObject on it", e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void unreachableEndpointIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> config = server.config(bucket, "exports");
        config.put("endpoint", "http://127.0.0.1:" + closedPort);
        SourceException e = failure(config);
        assertTrue(e.getMessage().startsWith("cannot reach 127.0.0.1:" + closedPort + ": "), e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void aRoleArnIsAssumedWithTheExternalIdAndItsTemporaryCredentialsReadTheBucket() throws Exception {
        put("exports/budget.csv", "v1");
        Map<String, Object> config = assumingRole(server.config(bucket, "exports"));
        config.remove("region");
        try (TestStsServer sts = new TestStsServer(TestS3Server.ACCESS_KEY, TestS3Server.SECRET_KEY, "session-1");
             S3Source source = new S3Source(config, new AwsSettings("eu-west-3", sts.endpoint()))) {
            assertEquals(List.of("budget.csv"), source.list().stream().map(RemoteFile::name).toList(),
                    "S3Proxy accepted the role's temporary credentials (the base key is not one it knows)");

            assertEquals(1, sts.calls().size(), "one AssumeRole; its credentials are cached until they expire");
            TestStsServer.Call call = sts.calls().get(0);
            assertEquals("AssumeRole", call.form().get("Action"));
            assertEquals(ROLE, call.form().get("RoleArn"));
            assertEquals("acme-7f3a9c", call.form().get("ExternalId"));
            assertEquals("budget-sync", call.form().get("RoleSessionName"));
            assertTrue(call.authorization().contains("Credential=" + BASE_KEY + "/"),
                    "signed with the config's own key: " + call.authorization());
            assertTrue(call.authorization().contains("/eu-west-3/sts/aws4_request"),
                    "the worker's AWS_REGION stands in for the config's: " + call.authorization());
        }
    }

    @Test
    void aRefusedAssumeRoleNamesTheRoleAndWhatToCheck() throws Exception {
        try (TestStsServer sts = new TestStsServer(TestS3Server.ACCESS_KEY, TestS3Server.SECRET_KEY, "session-1")) {
            sts.deny();
            SourceException e = assertThrows(SourceException.class, () -> {
                try (S3Source source = new S3Source(assumingRole(server.config(bucket, "exports")),
                        new AwsSettings(null, sts.endpoint()))) {
                    source.list();
                }
            });
            assertEquals("cannot assume role " + ROLE + " (assumed with " + BASE_KEY + "): STS answered AccessDenied"
                    + " (HTTP 403); the role's trust policy must allow sts:AssumeRole for budget-sync's principal with"
                    + " this externalId", e.getMessage());
            assertFalse(e.retryable());
            assertEquals(SourceException.Stage.LOGIN, e.stage());
        }
    }

    @Test
    void withoutARegionTheWorkersAwsRegionIsRequired() {
        Map<String, Object> config = server.config(bucket, "exports");
        config.remove("region");
        config.remove("endpoint");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new S3Source(config));
        assertEquals("s3 source needs sourceConfig.region (or AWS_REGION on the worker)", e.getMessage());
        new S3Source(config, new AwsSettings("eu-west-1", null)).close();
    }

    private static final String ROLE = "arn:aws:iam::123456789012:role/budget-sync-read";
    private static final String BASE_KEY = "AKIABASEKEYNOTINS3PX";

    /** A config whose own key only assumes {@link #ROLE}: S3Proxy knows the role's credentials, not this key. */
    private static Map<String, Object> assumingRole(Map<String, Object> config) {
        config.put("accessKeyId", BASE_KEY);
        config.put("secretAccessKey", "base-secret-only-sts-sees");
        config.put("roleArn", ROLE);
        config.put("externalId", "acme-7f3a9c");
        return config;
    }

    @Test
    void anObjectGoneBetweenListAndGetIsRetryable() throws Exception {
        put("exports/budget.csv", "v1");
        try (S3Source source = new S3Source(server.config(bucket, "exports"))) {
            RemoteFile listed = source.list().get(0);
            server.admin.deleteObject(b -> b.bucket(bucket).key("exports/budget.csv"));
            SourceException e = assertThrows(SourceException.class, () -> source.open(listed).close());
            assertEquals("file disappeared before it could be read: s3://" + bucket + "/exports/budget.csv",
                    e.getMessage());
            assertTrue(e.retryable());
        }
    }
}
