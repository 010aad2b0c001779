package com.budgetsync.api;

import com.budgetsync.settings.AwsSettings;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code aws:} defaults of s3 sources, from AWS_REGION and AWS_ENDPOINT_URL_STS in config.yml. Credentials are not
 * settings here: the AWS SDK's default chain finds the operator's own (docs/s3-setup.md).
 */
public class AwsConfig {
    @JsonProperty
    private String region;

    @JsonProperty
    private String stsEndpoint;

    public void setRegion(String region) {
        this.region = region;
    }

    public void setStsEndpoint(String stsEndpoint) {
        this.stsEndpoint = stsEndpoint;
    }

    public AwsSettings settings() {
        return new AwsSettings(region, stsEndpoint);
    }
}
