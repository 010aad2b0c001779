package com.budgetsync.worker.sources;

import com.budgetsync.settings.AwsSettings;
import com.budgetsync.workflow.RemoteFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * An S3 "folder" (bucket + prefix), or the same on an S3-compatible store. Keys: {@code bucketName}, {@code region}
 * (else the worker's {@code AWS_REGION}), {@code prefix} (a folder; sub-folders such as {@code archive/} are not
 * looked into), {@code filePattern}, optional {@code endpoint} and {@code pathStyle}, the credentials
 * ({@link S3Credentials}: keys, the worker's default chain, a {@code roleArn} with {@code externalId}),
 * and the {@link SourceLimits}.
 */
public final class S3Source implements FileSource {
    private final String bucket;
    private final String prefix;
    private final String where;
    private final PollSettings settings;
    private final S3Client s3;
    /** Ours to close, see {@link S3Credentials#close()}. */
    private final S3Credentials credentials;
    /** Objects being read: aborted (their connection dropped) when the source is aborted. */
    private final List<ResponseInputStream<?>> reading = new CopyOnWriteArrayList<>();

    /** Without operator defaults: the config names its region. */
    public S3Source(Map<String, Object> config) {
        this(config, AwsSettings.NONE);
    }

    public S3Source(Map<String, Object> config, AwsSettings aws) {
        this(config, aws, SourceLimits.of(config));
    }

    public S3Source(Map<String, Object> config, AwsSettings aws, SourceLimits limits) {
        this.bucket = ConfigValues.required(config, "bucketName", "s3");
        String folder = ConfigValues.text(config, "prefix", "");
        this.prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        this.settings = PollSettings.of(config);
        String endpoint = ConfigValues.text(config, "endpoint", null);
        String region = ConfigValues.text(config, "region", aws.defaultRegion() != null ? aws.defaultRegion()
                : endpoint == null ? null : "us-east-1");
        if (region == null) {
            throw new IllegalArgumentException("s3 source needs sourceConfig.region (or AWS_REGION on the worker)");
        }
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
                .connectionTimeout(limits.connect())
                .socketTimeout(limits.socketTimeout());
        this.credentials = S3Credentials.of(config, region, aws, http);
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials.provider())
                .forcePathStyle(ConfigValues.flag(config, "pathStyle"))
                .httpClientBuilder(http)
                // one call, the SDK's own retries included, waits no longer than a silence may last
                .overrideConfiguration(o -> o.apiCallTimeout(limits.socketTimeout()));
        if (endpoint != null) {
            // S3-compatible stores (MinIO, Ceph, S3Proxy…) often lack the newer flexible checksums
            builder.endpointOverride(URI.create(endpoint))
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            URI uri = URI.create(endpoint);
            int port = uri.getPort() > 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
            this.where = uri.getHost() + ":" + port;
        } else {
            this.where = "s3." + region + ".amazonaws.com:443";
        }
        this.s3 = builder.build();
    }

    @Override
    public List<RemoteFile> list() throws IOException {
        List<RemoteFile> files = new ArrayList<>();
        try {
            // the paginator follows continuation tokens: a folder with more than 1,000 objects is listed whole
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/"))
                    .contents()) {
                String name = object.key().substring(prefix.length());
                if (!name.isEmpty() && settings.isListed(name)) {
                    files.add(new RemoteFile(object.key(), name, object.size(), object.lastModified(),
                            object.eTag()));
                }
            }
        } catch (SdkException e) {
            throw error(e, "s3://" + bucket + "/" + prefix);
        }
        return files;
    }

    @Override
    public InputStream open(RemoteFile file) throws IOException {
        try {
            ResponseInputStream<?> in = s3.getObject(b -> b.bucket(bucket).key(file.path()));
            reading.add(in);
            return in;
        } catch (NoSuchKeyException e) {
            throw new SourceException("file disappeared before it could be read: s3://" + bucket + "/" + file.path(),
                    true, e);
        } catch (SdkException e) {
            throw error(e, "s3://" + bucket + "/" + file.path());
        }
    }

    @Override
    public void afterImport(RemoteFile file) throws IOException {
        try {
            Archiver.apply(settings.afterImport(), file, new Archiver.Operations() {
                @Override
                public boolean exists(String key) {
                    try {
                        s3.headObject(b -> b.bucket(bucket).key(key));
                        return true;
                    } catch (NoSuchKeyException e) {
                        return false;
                    } catch (S3Exception e) {
                        if (e.statusCode() == 404) {
                            return false;
                        }
                        throw e;
                    }
                }

                @Override
                public void move(String from, String to) {
                    // S3 has no rename: copy, then delete the original
                    s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket)
                            .destinationKey(to));
                    s3.deleteObject(b -> b.bucket(bucket).key(from));
                }

                @Override
                public void delete(String key) {
                    s3.deleteObject(b -> b.bucket(bucket).key(key));
                }
            });
        } catch (SdkException e) {
            throw error(e, "s3://" + bucket + "/" + file.path());
        }
    }

    @Override
    public void abort(String why) {
        reading.forEach(ResponseInputStream::abort);
        close();
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public void close() {
        s3.close();
        credentials.close();
    }

    SourceException error(SdkException e, String location) {
        if (e instanceof StsException sts) {
            String code = sts.awsErrorDetails() == null ? "" : String.valueOf(sts.awsErrorDetails().errorCode());
            return new SourceException("cannot assume " + credentials.who() + ": STS answered " + code + " (HTTP "
                    + sts.statusCode() + "); the role's trust policy must allow sts:AssumeRole for budget-sync's"
                    + " principal with this externalId", sts.statusCode() >= 500 || sts.statusCode() == 429,
                    SourceException.Stage.LOGIN, e);
        }
        if (e instanceof S3Exception s3e) {
            String code = s3e.awsErrorDetails() == null ? "" : String.valueOf(s3e.awsErrorDetails().errorCode());
            if ("NoSuchBucket".equals(code)) {
                return new SourceException("bucket not found: " + bucket + " at " + where, false, e);
            }
            if ("InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
                return SourceException.authenticationFailed(credentials.who(), where, null);
            }
            if (s3e.statusCode() == 403) {
                return new SourceException("access denied to " + location + " for "
                        + credentials.who() + ": allow s3:ListBucket and s3:GetObject on it", false, e);
            }
            return new SourceException("S3 error on " + location + ": " + code + " (HTTP " + s3e.statusCode() + ")",
                    s3e.statusCode() >= 500 || s3e.statusCode() == 429, e);
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("credentials")) {
            return new SourceException("no AWS credentials: set accessKeyId and secretAccessKey, or give the worker"
                    + " an IAM role or AWS profile", false, SourceException.Stage.LOGIN, e);
        }
        return SourceException.unreachable(where, rootCause(e), e);
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
