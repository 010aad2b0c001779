package com.budgetsync.settings;

/**
 * The operator's AWS defaults for s3 sources: {@code defaultRegion} ({@code AWS_REGION}) for configs that name no
 * region, and {@code stsEndpoint} ({@code AWS_ENDPOINT_URL_STS}) for AssumeRole when STS must be reached at another
 * address than the SDK's regional default (a VPC endpoint). {@code providedBucket} ({@code S3_BUCKET_NAME}) is the
 * operator's bucket that {@code provided: true} configs poll (docs/provided-bucket.md), at
 * {@code providedBucketEndpoint} ({@code S3_BUCKET_ENDPOINT}) when it is an S3-compatible store rather than AWS.
 * Any may be null.
 */
public record AwsSettings(String defaultRegion, String stsEndpoint, String providedBucket,
                          String providedBucketEndpoint) {
    public static final AwsSettings NONE = new AwsSettings(null, null);

    public AwsSettings {
        defaultRegion = blankToNull(defaultRegion);
        stsEndpoint = blankToNull(stsEndpoint);
        providedBucket = blankToNull(providedBucket);
        providedBucketEndpoint = blankToNull(providedBucketEndpoint);
    }

    /** Without a provided bucket. */
    public AwsSettings(String defaultRegion, String stsEndpoint) {
        this(defaultRegion, stsEndpoint, null, null);
    }

    /**
     * The folder of a customer's drops in the provided bucket: what its provided config polls and where its upload
     * URLs may write. Derived from the customer id alone, so no config or URL can name another customer's folder.
     */
    public static String providedFolder(String customerId) {
        return "customers/" + customerId + "/";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
