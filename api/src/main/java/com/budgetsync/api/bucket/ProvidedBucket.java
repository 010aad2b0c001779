package com.budgetsync.api.bucket;

import com.budgetsync.api.core.DropFiles;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.BucketUploadUrl;
import com.budgetsync.settings.AwsSettings;
import io.dropwizard.lifecycle.Managed;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The provided bucket (docs/provided-bucket.md): pre-signed PUT URLs into a customer's folder, and the folder's
 * erasure with the customer. The operator's
 * credentials sign on this server and never leave it: the URL carries a signature over the method, the bucket, the
 * exact key and the expiry, so whoever holds it can write that one object for a few minutes and nothing else.
 */
public final class ProvidedBucket implements Managed, DropFiles {
    /** Long enough to upload a 200 MB export on a slow line, short enough that a leaked URL is soon useless. */
    static final Duration EXPIRY = Duration.ofMinutes(15);
    /** A plain file name: no folders (the key stays in the customer's folder), no control characters. */
    private static final Pattern FILENAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,199}$");

    private final String bucket;
    private final DefaultCredentialsProvider credentials;
    private final S3Presigner presigner;
    private final S3Client client;

    /** Null without S3_BUCKET_NAME. */
    public static ProvidedBucket of(AwsSettings aws) {
        return aws.providedBucket() == null ? null : new ProvidedBucket(aws);
    }

    private ProvidedBucket(AwsSettings aws) {
        this.bucket = aws.providedBucket();
        String endpoint = aws.providedBucketEndpoint();
        String region = aws.defaultRegion() != null ? aws.defaultRegion() : endpoint != null ? "us-east-1" : null;
        if (region == null) {
            throw new IllegalStateException("S3_BUCKET_NAME is set without AWS_REGION: name the provided bucket's"
                    + " region (or S3_BUCKET_ENDPOINT for an S3-compatible store)");
        }
        // the operator's own credentials, found the way the worker finds them (docs/s3-setup.md)
        this.credentials = DefaultCredentialsProvider.builder().build();
        S3Presigner.Builder presign = S3Presigner.builder().region(Region.of(region)).credentialsProvider(credentials);
        S3ClientBuilder client = S3Client.builder().region(Region.of(region)).credentialsProvider(credentials);
        if (endpoint != null) {
            S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
            presign.endpointOverride(URI.create(endpoint)).serviceConfiguration(pathStyle);
            client.endpointOverride(URI.create(endpoint)).serviceConfiguration(pathStyle);
        }
        this.presigner = presign.build();
        this.client = client.build();
    }

    public BucketUploadUrl forUpload(String customerId, String filename) {
        if (filename == null || !FILENAME.matcher(filename).matches() || filename.contains("..")) {
            throw ApiException.badRequest("filename must be a plain file name such as budget.csv: letters, digits,"
                    + " spaces, dots, dashes, underscores and brackets, no folders, at most 200 characters");
        }
        String key = AwsSettings.providedFolder(customerId) + filename;
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p.signatureDuration(EXPIRY)
                .putObjectRequest(o -> o.bucket(bucket).key(key)));
        // the client sends Host itself; any other signed header must be sent exactly as signed
        Map<String, String> headers = new TreeMap<>();
        signed.signedHeaders().forEach((name, values) -> {
            if (!"host".equalsIgnoreCase(name)) {
                headers.put(name, String.join(",", values));
            }
        });
        return new BucketUploadUrl(signed.url().toString(), signed.httpRequest().method().name(),
                signed.expiration(), headers, "s3://" + bucket + "/" + key);
    }

    @Override
    public String name() {
        return "provided_bucket_objects";
    }

    /**
     * Deletes every object under the customer's folder, one request per object: a folder holds a few exports, and
     * the batch delete needs checksum headers not every S3-compatible store implements.
     */
    @Override
    public long erase(String customerId) {
        String folder = AwsSettings.providedFolder(customerId);
        long deleted = 0;
        for (S3Object object : client.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(folder)).contents()) {
            client.deleteObject(d -> d.bucket(bucket).key(object.key()));
            deleted++;
        }
        return deleted;
    }

    @Override
    public void stop() {
        client.close();
        presigner.close();
        credentials.close();
    }
}
