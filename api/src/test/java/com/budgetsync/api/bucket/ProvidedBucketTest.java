package com.budgetsync.api.bucket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.SeedExample;
import com.budgetsync.worker.sources.TestS3Server;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bucket budget-sync hosts, on a real S3 API (S3Proxy): a customer gets a pre-signed URL from the API, uploads
 * with curl holding nothing else, cannot bend a URL to write into another customer's folder, and its
 * {@code provided: true} config imports the file with the operator's credentials, which no answer shows.
 */
@Timeout(180)
class ProvidedBucketTest {
    static final String BUCKET = "operator-drops";
    static final Path DIR = temp();
    static final TestS3Server S3 = startS3();
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass(config -> {
        config.getAws().setProvidedBucket(BUCKET);
        config.getAws().setProvidedBucketEndpoint(S3.endpoint().toString());
    });

    @AfterAll
    static void stopS3() throws Exception {
        S3.close();
        // the operator's credentials, as the SDK's default chain reads them, for this class only
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void aCustomerUploadsWithOnlyItsUrlAndItsConfigImportsTheFile() throws Exception {
        RunningApp.Response handed = app.as(key("bucket-alice"))
                .postJson("/api/customers/bucket-alice/bucket-upload-url?filename=budget.csv", Map.of());
        assertEquals(200, handed.status(), handed.body());
        JsonNode url = handed.json();
        assertEquals("PUT", url.path("method").asText());
        assertEquals("s3://" + BUCKET + "/customers/bucket-alice/budget.csv", url.path("location").asText());
        Instant expires = Instant.parse(url.path("expiresAt").asText());
        assertTrue(expires.isAfter(Instant.now()) && expires.isBefore(Instant.now().plus(Duration.ofMinutes(16))),
                handed.body());
        assertFalse(handed.body().contains(TestS3Server.SECRET_KEY), "the operator's secret never leaves the server");

        Path budget = Files.writeString(DIR.resolve("budget.csv"), SeedExample.CSV);
        assertEquals("200", curlPut(budget, url.path("url").asText()), "curl uploads with the URL alone");
        assertEquals(SeedExample.CSV, S3.admin.getObjectAsBytes(b -> b.bucket(BUCKET)
                .key("customers/bucket-alice/budget.csv")).asString(StandardCharsets.UTF_8));

        RunningApp.Response config = app.postJson("/api/sync/config", Map.of("customerId", "bucket-alice",
                "sourceType", "s3", "frequency", "manual", "sourceConfig", Map.of("provided", true,
                        "settleSeconds", 0, "settleCheckSeconds", 0)));
        assertEquals(201, config.status(), config.body());
        assertFalse(config.body().contains(BUCKET) || config.body().contains(TestS3Server.ACCESS_KEY),
                "the customer's config names nothing of the operator's: " + config.body());
        RunningApp.Response triggered = app.postJson("/api/sync/trigger", Map.of("customerId", "bucket-alice",
                "configId", config.json().path("config").path("id").asLong()));
        assertEquals(202, triggered.status(), triggered.body());
        JsonNode run = app.awaitRun(triggered.json().path("syncId").asText());
        assertEquals("success", run.path("status").asText(), run.toString());
        assertEquals(4, app.db.countActiveBudgets("bucket-alice"), "the seed's four budget lines");
    }

    @Test
    void aUrlForOneCustomerCannotWriteIntoAnother() throws Exception {
        S3.admin.putObject(b -> b.bucket(BUCKET).key("customers/bucket-carol/budget.csv"),
                software.amazon.awssdk.core.sync.RequestBody.fromString(SeedExample.CSV));
        String bobKey = key("bucket-bob");
        String bobUrl = app.as(bobKey).postJson("/api/customers/bucket-bob/bucket-upload-url?filename=budget.csv",
                Map.of()).json().path("url").asText();
        Path evil = Files.writeString(DIR.resolve("evil.csv"), "Department,Amount\nX,1\n");
        // the signature covers the key: bob's URL bent to carol's folder is refused by S3 itself
        String bent = bobUrl.replace("/customers/bucket-bob/", "/customers/bucket-carol/");
        assertTrue(bent.contains("/customers/bucket-carol/budget.csv"), bent);
        assertEquals("403", curlPut(evil, bent));
        assertEquals(SeedExample.CSV, S3.admin.getObjectAsBytes(b -> b.bucket(BUCKET)
                .key("customers/bucket-carol/budget.csv")).asString(StandardCharsets.UTF_8), "carol's file intact");

        assertEquals(403, app.as(bobKey).postJson("/api/customers/bucket-carol/bucket-upload-url?filename=x.csv",
                Map.of()).status(), "bob's key asks for carol's folder");
        for (String name : List.of("../bucket-carol/budget.csv", "a/b.csv", "", ".hidden")) {
            RunningApp.Response refused = app.postJson("/api/customers/bucket-bob/bucket-upload-url?filename="
                    + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), Map.of());
            assertEquals(400, refused.status(), name + ": " + refused.body());
        }
        RunningApp.Response named = app.postJson("/api/sync/config", Map.of("customerId", "bucket-bob",
                "sourceType", "s3", "frequency", "manual", "sourceConfig", Map.of("provided", true,
                        "prefix", "customers/bucket-carol/")));
        assertEquals(400, named.status(), named.body());
        assertTrue(named.body().contains("cannot be set with provided: true: the files are read from your folder"
                + " customers/bucket-bob/ of the bucket"), named.body());
    }

    @Test
    void erasingACustomerDeletesItsFolderOfTheBucketAndNoOtherObject() throws Exception {
        app.uploadCsv("bucket-dave", "budget.csv", SeedExample.CSV);
        for (String key : List.of("customers/bucket-dave/budget.csv", "customers/bucket-dave/archive/2025.csv",
                "customers/bucket-erin/budget.csv")) {
            S3.admin.putObject(b -> b.bucket(BUCKET).key(key),
                    software.amazon.awssdk.core.sync.RequestBody.fromString(SeedExample.CSV));
        }
        int listed = S3.admin.listObjectsV2(b -> b.bucket(BUCKET).prefix("customers/bucket-dave/")).keyCount();
        assertTrue(listed >= 2, "the two files (a store may list its folder marker too): " + listed);
        RunningApp.Response erased = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                app.url("/api/customers/bucket-dave?confirm=bucket-dave"))).DELETE());
        assertEquals(200, erased.status(), erased.body());
        assertEquals(listed, erased.json().path("counts").path("provided_bucket_objects").asLong(), erased.body());
        assertEquals(0, S3.admin.listObjectsV2(b -> b.bucket(BUCKET).prefix("customers/bucket-dave/")).keyCount());
        assertEquals(1, S3.admin.listObjectsV2(b -> b.bucket(BUCKET).prefix("customers/bucket-erin/")).keyCount(),
                "another customer's object stays");
    }

    private static String key(String customer) throws Exception {
        RunningApp.Response created = app.postJson("/api/admin/api-keys", Map.of("customerId", customer));
        assertEquals(201, created.status(), created.body());
        return created.json().path("key").asText();
    }

    /** curl's own PUT of a file ({@code -T}) to a URL: the HTTP status it got. */
    private static String curlPut(Path file, String url) throws Exception {
        Process curl = new ProcessBuilder("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-T",
                file.toString(), url).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, curl.waitFor(), out);
        return out.trim();
    }

    private static TestS3Server startS3() {
        try {
            TestS3Server s3 = new TestS3Server(DIR);
            s3.admin.createBucket(b -> b.bucket(BUCKET));
            System.setProperty("aws.accessKeyId", TestS3Server.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", TestS3Server.SECRET_KEY);
            return s3;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("provided-bucket");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
