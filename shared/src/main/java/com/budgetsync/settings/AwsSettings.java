package com.budgetsync.settings;

/**
 * The operator's AWS defaults for s3 sources: {@code defaultRegion} ({@code AWS_REGION}) for configs that name no
 * region, and {@code stsEndpoint} ({@code AWS_ENDPOINT_URL_STS}) for AssumeRole when STS must be reached at another
 * address than the SDK's regional default (a VPC endpoint). Either may be null.
 */
public record AwsSettings(String defaultRegion, String stsEndpoint) {
    public static final AwsSettings NONE = new AwsSettings(null, null);

    public AwsSettings {
        defaultRegion = blankToNull(defaultRegion);
        stsEndpoint = blankToNull(stsEndpoint);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
