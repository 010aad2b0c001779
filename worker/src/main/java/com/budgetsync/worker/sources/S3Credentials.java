package com.budgetsync.worker.sources;

import com.budgetsync.settings.AwsSettings;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The credentials an s3 source signs with. The config's own {@code accessKeyId}/{@code secretAccessKey}, else the
 * worker's default AWS chain (environment, profile, web identity, container or instance role). With a
 * {@code roleArn}, those credentials only ask STS to assume the customer's role (with the config's
 * {@code externalId}), and the role's temporary credentials, renewed before they expire, sign the S3 requests:
 * cross-account access for customers who grant a role instead of handing out keys.
 */
final class S3Credentials implements AutoCloseable {
    /** Shown in the customer's CloudTrail as the session that read their bucket. */
    static final String SESSION_NAME = "budget-sync";

    private final AwsCredentialsProvider base;
    private final StsClient sts;
    private final AwsCredentialsProvider provider;
    private final String accessKeyId;
    private final String roleArn;

    private S3Credentials(AwsCredentialsProvider base, StsClient sts, AwsCredentialsProvider provider,
                          String accessKeyId, String roleArn) {
        this.base = base;
        this.sts = sts;
        this.provider = provider;
        this.accessKeyId = accessKeyId;
        this.roleArn = roleArn;
    }

    /** @param region the source's region, where STS is asked too (its regional endpoint) */
    static S3Credentials of(Map<String, Object> config, String region, AwsSettings aws,
                            UrlConnectionHttpClient.Builder http) {
        String accessKeyId = ConfigValues.text(config, "accessKeyId", null);
        String secret = ConfigValues.secret(config, "secretAccessKey");
        if ((accessKeyId == null) != (secret == null)) {
            throw new IllegalArgumentException("s3 source needs both sourceConfig.accessKeyId and secretAccessKey, or"
                    + " neither (then the worker's default AWS credentials are used)");
        }
        AwsCredentialsProvider base = accessKeyId == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret));
        String roleArn = ConfigValues.text(config, "roleArn", null);
        String externalId = ConfigValues.text(config, "externalId", null);
        if (roleArn == null) {
            if (externalId != null) {
                throw new IllegalArgumentException("s3 source: sourceConfig.externalId goes with a roleArn");
            }
            return new S3Credentials(base, null, base, accessKeyId, null);
        }
        StsClientBuilder stsBuilder = StsClient.builder().region(Region.of(region)).credentialsProvider(base)
                .httpClientBuilder(http);
        if (aws.stsEndpoint() != null) {
            stsBuilder.endpointOverride(URI.create(aws.stsEndpoint()));
        }
        StsClient sts = stsBuilder.build();
        AwsCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(roleArn).roleSessionName(SESSION_NAME).externalId(externalId))
                .build();
        return new S3Credentials(base, sts, assumed, accessKeyId, roleArn);
    }

    AwsCredentialsProvider provider() {
        return provider;
    }

    /** Who signs, for messages: never a secret. */
    String who() {
        String keys = accessKeyId == null ? "the worker's default AWS credentials" : accessKeyId;
        return roleArn == null ? keys : "role " + roleArn + " (assumed with " + keys + ")";
    }

    /** The SDK leaves providers and clients it was given open; the default chain may hold a refresher thread. */
    @Override
    public void close() {
        if (provider != base && provider instanceof SdkAutoCloseable assumed) {
            assumed.close();
        }
        if (sts != null) {
            sts.close();
        }
        if (base instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
