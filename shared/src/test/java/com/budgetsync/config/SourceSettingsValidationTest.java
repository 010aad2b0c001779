package com.budgetsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.budgetsync.net.OutboundGuard;
import com.budgetsync.settings.AwsSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** sourceConfig per source type: required keys, unknown keys, ranges, URL schemes, bucket names, globs. */
class SourceSettingsValidationTest {
    private static final ConfigValidator VALIDATOR = new ConfigValidator(new OutboundGuard(false, false));
    private static final Map<String, Object> SFTP = Map.of("host", "sftp.acme.example", "username", "fpa",
            "password", "Secret-1", "remotePath", "/exports", "hostKeyFingerprint", "SHA256:abc+/d=");
    private static final Map<String, Object> S3 = Map.of("bucketName", "acme-budget-exports", "region", "eu-west-1");
    private static final Map<String, Object> HTTPS = Map.of("url", "https://docs.example.com/pub?output=csv");

    private static List<String> problems(String type, Map<String, Object> source) {
        return VALIDATOR.validate(new ConfigDraft("acme", type, null, null, source, null, Set.of())).stream()
                .map(ConfigViolation::message).toList();
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(base);
        changed.put(key, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> base, String key) {
        Map<String, Object> changed = new HashMap<>(base);
        changed.remove(key);
        return changed;
    }

    @Test
    void validSettingsOfEachTypeAreAccepted() {
        assertEquals(List.of(), problems("sftp", SFTP));
        assertEquals(List.of(), problems("sftp", with(without(SFTP, "password"), "privateKey", "-----BEGIN …")));
        assertEquals(List.of(), problems("s3", S3));
        assertEquals(List.of(), problems("s3", Map.of("bucketName", "abc", "endpoint", "https://s3.example.com",
                "pathStyle", true, "accessKeyId", "AKIA", "secretAccessKey", "s")));
        assertEquals(List.of(), problems("https", HTTPS));
        assertEquals(List.of(), problems("https", Map.of("url", "http://docs.example.com/b.csv")));
        assertEquals(List.of(), problems("local", Map.of("directory", "/srv/drop", "pattern", "*.csv")));
        assertEquals(List.of(), problems("upload", Map.of()));
    }

    @Test
    void requiredSettingsArePerType() {
        assertEquals(List.of("sourceConfig.host is required for an sftp source, e.g. sftp.acme.example",
                "sourceConfig.username is required for an sftp source",
                "sourceConfig.password or sourceConfig.privateKey is required for an sftp source"),
                problems("sftp", Map.of()));
        assertEquals(List.of("sourceConfig.bucketName is required for an s3 source (or provided: true for the bucket"
                        + " budget-sync hosts)",
                "sourceConfig.region is required for an s3 source on AWS, e.g. eu-west-1 (the operator has set no"
                        + " AWS_REGION to default to)"), problems("s3", Map.of()));
        assertEquals(List.of("sourceConfig.accessKeyId and sourceConfig.secretAccessKey go together: give both, or"
                + " neither to use the worker's own AWS credentials"), problems("s3", with(S3, "accessKeyId", "AKIA")));
        assertEquals(List.of("sourceConfig.url is required for an https source, e.g. https://example.com/budget.csv"),
                problems("https", Map.of()));
        assertEquals(List.of("sourceConfig.directory is required for a local source: an absolute folder path"),
                problems("local", Map.of()));
    }

    @Test
    void aProvidedBucketConfigNamesNoBucketFolderOrCredentials() {
        ConfigValidator hosting = new ConfigValidator(new OutboundGuard(false, false),
                new AwsSettings(null, null, "budget-sync-drop", null));
        assertEquals(List.of(), hosting.validate(new ConfigDraft("acme", "s3", null, null, Map.of("provided", true,
                "filePattern", "*.csv"), null, Set.of())));
        assertEquals(List.of("sourceConfig.provided true cannot be used here: this budget-sync hosts no bucket"
                + " (S3_BUCKET_NAME is not set); name your own bucketName instead"),
                problems("s3", Map.of("provided", true)));
        assertEquals(List.of("sourceConfig.prefix \"customers/globex/\" cannot be set with provided: true: the files"
                + " are read from your folder customers/acme/ of the bucket budget-sync hosts",
                "sourceConfig.secretAccessKey ******** cannot be set with provided: true: the files are read from"
                        + " your folder customers/acme/ of the bucket budget-sync hosts"),
                hosting.validate(new ConfigDraft("acme", "s3", null, null, Map.of("provided", true, "prefix",
                        "customers/globex/", "secretAccessKey", "operator-secret"), null, Set.of())).stream()
                        .map(ConfigViolation::message).sorted().toList());
        assertEquals(List.of("sourceConfig.provided \"yes\" must be true or false",
                "sourceConfig.bucketName is required for an s3 source (or provided: true for the bucket budget-sync"
                        + " hosts)"), problems("s3", Map.of("provided", "yes", "region", "eu-west-1")));
    }

    @Test
    void unknownSettingsAreNamedWithWhatTheTypeTakes() {
        assertEquals(List.of("sourceConfig.bucket \"x\" is not a setting of s3 sources; they take bucketName, prefix,"
                + " region, endpoint, accessKeyId, secretAccessKey, roleArn, externalId, pathStyle, provided, filePattern,"
                + " pattern, settleSeconds,"
                + " settleCheckSeconds, requireMarker, afterImport, maxFileBytes, connectTimeoutSeconds,"
                + " readTimeoutSeconds, deadlineSeconds, noAnswerSeconds"), problems("s3", with(S3, "bucket", "x")));
        assertEquals(List.of("sourceConfig.url \"https://x.example\" is not a setting of upload sources; they take"
                + " filePattern"), problems("upload", Map.of("url", "https://x.example")));
        assertEquals(List.of(), problems("upload", Map.of("filePattern", "budget*.csv")));
    }

    @Test
    void portIsFrom1To65535() {
        assertEquals(List.of("sourceConfig.port 0 must be a whole number from 1 to 65535"),
                problems("sftp", with(SFTP, "port", 0)));
        assertEquals(List.of("sourceConfig.port 65536 must be a whole number from 1 to 65535"),
                problems("sftp", with(SFTP, "port", 65_536)));
        assertEquals(List.of("sourceConfig.port \"22\" must be a whole number from 1 to 65535"),
                problems("sftp", with(SFTP, "port", "22")));
        assertEquals(List.of(), problems("sftp", with(SFTP, "port", 1)));
        assertEquals(List.of(), problems("sftp", with(SFTP, "port", 65_535)));
    }

    @Test
    void sftpHostIsAHostAloneAndPassesTheOutboundGuard() {
        assertEquals(List.of("sourceConfig.host \"sftp://sftp.acme.example:22\" must be a host name or IP address"
                + " alone (no scheme, port or path), e.g. sftp.acme.example"),
                problems("sftp", with(SFTP, "host", "sftp://sftp.acme.example:22")));
        assertEquals(List.of("sourceConfig.host \"169.254.169.254\" is refused: outbound connection to"
                + " 169.254.169.254 refused: link-local address (allow with outbound.allowPrivate)"),
                problems("sftp", with(SFTP, "host", "169.254.169.254")));
        assertEquals(List.of(), problems("sftp", with(SFTP, "host", "203.0.113.7")));
        assertEquals(List.of(), problems("sftp", with(SFTP, "host", "2001:db8::7")));
    }

    @Test
    void httpsUrlIsHttpsWhenCredentialsAreSet() {
        assertEquals(List.of("sourceConfig.url \"http://docs.example.com/b.csv\" must be https:// when credentials"
                + " are set: they would cross the network in clear text"),
                problems("https", Map.of("url", "http://docs.example.com/b.csv", "bearerToken", "t")));
        assertEquals(List.of("sourceConfig.url \"ftp://docs.example.com/b.csv\" must be an https:// URL with a host,"
                + " e.g. https://example.com/budget.csv"), problems("https", Map.of("url", "ftp://docs.example.com/b.csv")));
        assertEquals(List.of("sourceConfig.trustedCertificate (certificate) must be a PEM certificate starting with"
                + " -----BEGIN CERTIFICATE-----"), problems("https", with(HTTPS, "trustedCertificate", "abc")));
    }

    @Test
    void s3BucketNamesFollowAmazonsRules() {
        for (String bad : List.of("ab", "Acme-Budgets", "acme_budgets", "acme..budgets", "-acme", "acme-",
                "192.168.5.4", "xn--acme", "acme-s3alias", "a".repeat(64))) {
            assertEquals(List.of("sourceConfig.bucketName \"" + bad + "\" is not an S3 bucket name: 3–63 lower-case"
                    + " letters, digits, dots and hyphens, starting and ending with a letter or digit, e.g."
                    + " acme-budget-exports"), problems("s3", with(S3, "bucketName", bad)), bad);
        }
        for (String good : List.of("abc", "a".repeat(63), "acme.budget-exports.2026")) {
            assertEquals(List.of(), problems("s3", with(S3, "bucketName", good)), good);
        }
        assertEquals(List.of("sourceConfig.region \"Frankfurt\" is not an AWS region name, e.g. eu-west-1"),
                problems("s3", with(S3, "region", "Frankfurt")));
    }

    @Test
    void theOperatorsAwsRegionStandsInForAMissingRegion() {
        ConfigValidator withRegion = new ConfigValidator(new OutboundGuard(false, false), "eu-central-1");
        assertEquals(List.of(), withRegion.validate(new ConfigDraft("acme", "s3", null, null, without(S3, "region"),
                null, Set.of())));
    }

    @Test
    void aCrossAccountRoleIsAnIamRoleArnAndTheExternalIdNeedsIt() {
        for (String good : List.of("arn:aws:iam::123456789012:role/budget-sync-read",
                "arn:aws:iam::123456789012:role/service/fpa/BudgetSync+Read=1,x.y@z",
                "arn:aws-cn:iam::123456789012:role/budget-sync", "arn:aws-us-gov:iam::123456789012:role/r")) {
            assertEquals(List.of(), problems("s3", with(with(S3, "roleArn", good), "externalId", "acme-7f3a9c")),
                    good);
        }
        for (String bad : List.of("budget-sync-read", "arn:aws:iam::12345:role/x", "arn:aws:iam::123456789012:user/x",
                "arn:aws:s3:::acme-budget-exports", "arn:aws:iam::123456789012:role/", "arn:aws:iam::123456789012:role/a b")) {
            assertEquals(List.of("sourceConfig.roleArn \"" + bad + "\" is not an IAM role ARN, e.g."
                    + " arn:aws:iam::123456789012:role/budget-sync-read"), problems("s3", with(S3, "roleArn", bad)),
                    bad);
        }
        assertEquals(List.of("sourceConfig.roleArn is required with sourceConfig.externalId: the external id is sent"
                + " when assuming that role"), problems("s3", with(S3, "externalId", "acme-7f3a9c")));
        assertEquals(List.of("sourceConfig.externalId \"x\" must be 2 to 1,224 letters, digits or + = , . @ : / - _"
                + " (STS's rule for ExternalId)"), problems("s3", with(with(S3, "roleArn",
                "arn:aws:iam::123456789012:role/r"), "externalId", "x")));
    }

    @Test
    void filePatternsAreGlobs() {
        assertEquals(List.of("sourceConfig.filePattern \"*.csv,[budget\" is not a list of file-name globs separated"
                + " by commas ('[budget' is not one), e.g. *.csv,*.xlsx"),
                problems("sftp", with(SFTP, "filePattern", "*.csv,[budget")));
        assertEquals(1, problems("sftp", with(SFTP, "filePattern", "exports/*.csv")).size());
        assertEquals(1, problems("sftp", with(SFTP, "filePattern", "*.csv,,*.xlsx")).size());
        // the sources split the list on commas, so a brace group cannot hold one
        assertEquals(1, problems("sftp", with(SFTP, "filePattern", "budget_*.{csv,xlsx}")).size());
        assertEquals(List.of(), problems("sftp", with(SFTP, "filePattern", "budget_*.csv, Budget ?? [0-9]*.xlsx")));
    }

    @Test
    void pollingSettingsHaveRanges() {
        assertEquals(List.of("sourceConfig.afterImport \"move\" must be keep, archive or delete"),
                problems("sftp", with(SFTP, "afterImport", "move")));
        assertEquals(List.of("sourceConfig.settleSeconds -1 must be a whole number from 0 to 86400"),
                problems("sftp", with(SFTP, "settleSeconds", -1)));
        assertEquals(List.of("sourceConfig.requireMarker \"yes\" must be true or false"),
                problems("sftp", with(SFTP, "requireMarker", "yes")));
        assertEquals(List.of("sourceConfig.connectTimeoutSeconds 0 must be a whole number from 1 to 600"),
                problems("sftp", with(SFTP, "connectTimeoutSeconds", 0)));
        assertEquals(List.of("sourceConfig.maxFileBytes 0 must be a whole number from 1 to " + Long.MAX_VALUE),
                problems("sftp", with(SFTP, "maxFileBytes", 0)));
        assertEquals(List.of(), problems("sftp", with(with(SFTP, "settleSeconds", 0), "afterImport", "archive")));
    }

    @Test
    void aMaskWithNoStoredSecretBehindItIsRefused() {
        assertEquals(List.of("sourceConfig.password ******** stands for a stored secret, and there is none: send the"
                + " secret itself"), problems("sftp", with(SFTP, "password", "********")));
    }

    @Test
    void secretsAreNeverRepeatedInMessages() {
        assertEquals(List.of("sourceConfig.password ******** must be non-empty text"),
                problems("sftp", with(SFTP, "password", 12345)));
    }
}
