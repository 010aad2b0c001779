package com.budgetsync.api;

import com.budgetsync.settings.AwsSettings;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code aws:} defaults of s3 sources, from AWS_REGION and AWS_ENDPOINT_URL_STS in config.yml, and the provided
 * bucket (S3_BUCKET_NAME, S3_BUCKET_ENDPOINT; docs/provided-bucket.md). Credentials are not settings here: the AWS
 * SDK's default chain finds the operator's own (docs/s3-setup.md).
 */
public class AwsConfig {
    @JsonProperty
    private String region;

    @JsonProperty
    private String stsEndpoint;

    @JsonProperty
    private String providedBucket;

    @JsonProperty
    private String providedBucketEndpoint;

    public void setRegion(String region) {
        this.region = region;
    }

    public void setStsEndpoint(String stsEndpoint) {
        this.stsEndpoint = stsEndpoint;
    }

    public void setProvidedBucket(String providedBucket) {
        this.providedBucket = providedBucket;
    }

    public void setProvidedBucketEndpoint(String providedBucketEndpoint) {
        this.providedBucketEndpoint = providedBucketEndpoint;
    }

    public AwsSettings settings() {
        return new AwsSettings(region, stsEndpoint, providedBucket, providedBucketEndpoint);
    }
}
