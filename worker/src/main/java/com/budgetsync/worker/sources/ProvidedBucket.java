package com.budgetsync.worker.sources;

import com.budgetsync.settings.AwsSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's bucket ({@code S3_BUCKET_NAME}) as an s3 source: a config with {@code provided: true} reads
 * {@code customers/<customerId>/} of it with the worker's own AWS credentials. The customer's config names none of
 * bucket, prefix, endpoint or keys (the validator refuses them), so it cannot point itself at another customer's
 * folder: the prefix comes from the config's customer id alone.
 */
final class ProvidedBucket {
    private ProvidedBucket() {
    }

    static boolean isProvided(Map<String, Object> settings) {
        return ConfigValues.flag(settings, "provided");
    }

    /** The settings an {@link S3Source} reads the customer's folder with. */
    static Map<String, Object> settings(String customerId, Map<String, Object> settings, AwsSettings aws) {
        if (aws.providedBucket() == null) {
            throw new IllegalArgumentException("this budget-sync has no provided bucket (S3_BUCKET_NAME is not set):"
                    + " use your own bucket (bucketName) instead of provided: true");
        }
        Map<String, Object> own = new HashMap<>(settings);
        own.keySet().removeAll(List.of("provided", "bucketName", "prefix", "endpoint", "pathStyle",
                "accessKeyId", "secretAccessKey", "roleArn", "externalId", "region"));
        own.put("bucketName", aws.providedBucket());
        own.put("prefix", AwsSettings.providedFolder(customerId));
        if (aws.providedBucketEndpoint() != null) {
            // S3-compatible stores (MinIO, Ceph…) are addressed by path; their region is whatever they answer to
            own.put("endpoint", aws.providedBucketEndpoint());
            own.put("pathStyle", true);
        }
        return own;
    }
}
