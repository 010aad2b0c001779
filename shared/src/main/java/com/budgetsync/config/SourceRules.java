package com.budgetsync.config;

import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.domain.SourceType;
import com.budgetsync.net.OutboundGuard;
import com.budgetsync.net.OutboundRefusedException;
import com.budgetsync.settings.AwsSettings;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of {@code sourceConfig}, per source type: which keys a type takes, which it needs, and each value's range.
 * The sources read these keys (worker's {@code sources} package); docs/onboarding.md lists them.
 */
final class SourceRules {
    private static final Pattern HOST_NAME = Pattern.compile(
            "^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$");
    private static final Pattern IPV6 = Pattern.compile("^\\[?[0-9A-Fa-f:.]+]?$");
    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern AWS_REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d{1,2}$");
    /** An IAM role's ARN in any partition: account id, optional path, role name (IAM's character set). */
    private static final Pattern ROLE_ARN = Pattern.compile(
            "^arn:aws(-cn|-us-gov|-iso|-iso-b)?:iam::\\d{12}:role/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}$");
    /** STS's rule for ExternalId: 2 to 1,224 of these characters. */
    private static final Pattern EXTERNAL_ID = Pattern.compile("^[\\w+=,.@:/-]{2,1224}$");
    private static final Pattern FINGERPRINT = Pattern.compile("^(?i:SHA256:)?[A-Za-z0-9+/]+=*$");
    private static final String PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----";

    private final OutboundGuard guard;
    private final String defaultS3Region;
    /** Whether the operator set S3_BUCKET_NAME, without which {@code provided: true} has nowhere to read. */
    private final boolean providedBucket;
    private final String customerId;
    private final Violations found;

    SourceRules(OutboundGuard guard, String defaultS3Region, boolean providedBucket, String customerId,
                Violations found) {
        this.providedBucket = providedBucket;
        this.customerId = customerId;
        this.guard = guard;
        this.defaultS3Region = defaultS3Region;
        this.found = found;
    }

    void check(SourceType type, Map<String, Object> source) {
        Map<String, BiConsumer<String, Object>> rules = rulesOf(type);
        source.forEach((key, value) -> {
            String field = "sourceConfig." + key;
            BiConsumer<String, Object> rule = rules.get(key);
            if (rule == null) {
                found.add(field, value, rules.isEmpty() ? "is not a setting: " + type.dbValue() + " configs take none"
                        : "is not a setting of " + type.dbValue() + " sources; they take "
                        + String.join(", ", rules.keySet()));
            } else if (value != null) {
                rule.accept(field, value);
            }
        });
        required(type, source);
    }

    private void required(SourceType type, Map<String, Object> source) {
        String kind = type.dbValue();
        switch (type) {
            case LOCAL -> need(source, "directory", "is required for a local source: an absolute folder path");
            case SFTP -> {
                need(source, "host", "is required for an sftp source, e.g. sftp.acme.example");
                need(source, "username", "is required for an sftp source");
                if (absent(source, "password") && absent(source, "privateKey")) {
                    found.missing("sourceConfig.password", "or sourceConfig.privateKey is required for an sftp source");
                }
            }
            case S3 -> {
                if (Boolean.TRUE.equals(source.get("provided"))) {
                    providedBucket(source);
                    return;
                }
                need(source, "bucketName", "is required for an s3 source (or provided: true for the bucket"
                        + " budget-sync hosts)");
                if (absent(source, "region") && absent(source, "endpoint") && defaultS3Region == null) {
                    found.missing("sourceConfig.region", "is required for an s3 source on AWS, e.g. eu-west-1"
                            + " (the operator has set no AWS_REGION to default to)");
                }
                if (!absent(source, "externalId") && absent(source, "roleArn")) {
                    found.missing("sourceConfig.roleArn", "is required with sourceConfig.externalId: the external id"
                            + " is sent when assuming that role");
                }
                if (absent(source, "accessKeyId") != absent(source, "secretAccessKey")) {
                    found.missing("sourceConfig.accessKeyId", "and sourceConfig.secretAccessKey go together: give"
                            + " both, or neither to use the worker's own AWS credentials");
                }
            }
            case HTTPS -> {
                need(source, "url", "is required for an " + kind + " source, e.g. https://example.com/budget.csv");
                boolean credentials = !absent(source, "bearerToken") || !absent(source, "username");
                if (credentials && source.get("url") instanceof String url && url.trim().regionMatches(true, 0,
                        "http://", 0, 7)) {
                    found.add("sourceConfig.url", url, "must be https:// when credentials are set: they would cross"
                            + " the network in clear text");
                }
            }
            case UPLOAD -> { }
        }
    }

    /** Where a provided bucket's files are is the operator's to say: a customer naming it could read another's. */
    private void providedBucket(Map<String, Object> source) {
        if (!providedBucket) {
            found.add("sourceConfig.provided", true, "cannot be used here: this budget-sync hosts no bucket"
                    + " (S3_BUCKET_NAME is not set); name your own bucketName instead");
        }
        for (String key : List.of("bucketName", "prefix", "region", "endpoint", "pathStyle", "accessKeyId",
                "secretAccessKey", "roleArn", "externalId")) {
            if (!absent(source, key)) {
                String why = "cannot be set with provided: true: the files are read from your folder "
                        + AwsSettings.providedFolder(customerId) + " of the bucket budget-sync hosts";
                if (key.equals("secretAccessKey")) {
                    // a secret is never repeated back, not even to say it does not belong here
                    found.addMasked("sourceConfig." + key, SourceSecrets.MASK, why);
                } else {
                    found.add("sourceConfig." + key, source.get(key), why);
                }
            }
        }
    }

    private void need(Map<String, Object> source, String key, String allowed) {
        if (absent(source, key)) {
            found.missing("sourceConfig." + key, allowed);
        }
    }

    private static boolean absent(Map<String, Object> source, String key) {
        Object value = source.get(key);
        return value == null || value.toString().isBlank();
    }

    private Map<String, BiConsumer<String, Object>> rulesOf(SourceType type) {
        Map<String, BiConsumer<String, Object>> rules = new LinkedHashMap<>();
        switch (type) {
            case UPLOAD -> {
                // an upload is not polled; its pattern only picks the entry of a zip holding several files
                rules.put("filePattern", this::globs);
                return rules;
            }
            case LOCAL -> rules.put("directory", this::directory);
            case SFTP -> {
                rules.put("host", this::host);
                rules.put("port", (f, v) -> found.whole(f, v, 1, 65_535));
                rules.put("username", this::text);
                rules.put("password", this::secret);
                rules.put("privateKey", this::secret);
                rules.put("passphrase", this::secret);
                rules.put("remotePath", this::text);
                rules.put("hostKeyFingerprint", this::fingerprint);
            }
            case S3 -> {
                rules.put("bucketName", this::bucket);
                rules.put("prefix", this::anyText);
                rules.put("region", this::region);
                rules.put("endpoint", this::endpoint);
                rules.put("accessKeyId", this::text);
                rules.put("secretAccessKey", this::secret);
                rules.put("roleArn", this::roleArn);
                rules.put("externalId", this::externalId);
                rules.put("pathStyle", found::bool);
                rules.put("provided", found::bool);
            }
            case HTTPS -> {
                rules.put("url", this::url);
                rules.put("bearerToken", this::secret);
                rules.put("username", this::text);
                rules.put("password", this::secret);
                rules.put("trustedCertificate", this::certificate);
            }
        }
        polling(rules);
        if (type != SourceType.LOCAL) {
            rules.put("connectTimeoutSeconds", (f, v) -> found.whole(f, v, 1, 600));
            rules.put("readTimeoutSeconds", (f, v) -> found.whole(f, v, 1, 3_600));
            rules.put("deadlineSeconds", (f, v) -> found.whole(f, v, 1, 86_400));
            rules.put("noAnswerSeconds", (f, v) -> found.whole(f, v, 1, 3_600));
        }
        return rules;
    }

    /** The keys every polled source shares (the worker's PollSettings). */
    private void polling(Map<String, BiConsumer<String, Object>> rules) {
        rules.put("filePattern", this::globs);
        rules.put("pattern", this::globs);
        rules.put("settleSeconds", (f, v) -> found.whole(f, v, 0, 86_400));
        rules.put("settleCheckSeconds", (f, v) -> found.whole(f, v, 0, 3_600));
        rules.put("requireMarker", found::bool);
        rules.put("afterImport", this::afterImport);
        rules.put("maxFileBytes", (f, v) -> found.whole(f, v, 1, Long.MAX_VALUE));
    }

    private void text(String field, Object value) {
        found.text(field, value);
    }

    private void anyText(String field, Object value) {
        if (!(value instanceof String)) {
            found.add(field, value, "must be text");
        }
    }

    /** An update has already put stored secrets in place of the mask: one left here has nothing behind it. */
    private void secret(String field, Object value) {
        if (!(value instanceof String s) || s.isEmpty()) {
            found.addMasked(field, value instanceof String ? "\"\"" : SourceSecrets.MASK, "must be non-empty text");
        } else if (s.equals(SourceSecrets.MASK)) {
            found.addMasked(field, SourceSecrets.MASK, "stands for a stored secret, and there is none: send the"
                    + " secret itself");
        }
    }

    private void directory(String field, Object value) {
        String dir = found.text(field, value);
        if (dir != null && !Path.of(dir).isAbsolute()) {
            found.add(field, value, "must be an absolute folder path, e.g. /srv/budget-drop");
        }
    }

    private void host(String field, Object value) {
        String host = found.text(field, value);
        if (host == null) {
            return;
        }
        String bare = host.trim();
        if (!HOST_NAME.matcher(bare).matches() && !(bare.contains(":") && IPV6.matcher(bare).matches())) {
            found.add(field, value, "must be a host name or IP address alone (no scheme, port or path),"
                    + " e.g. sftp.acme.example");
            return;
        }
        outbound(field, value, bare);
    }

    private void endpoint(String field, Object value) {
        String url = found.text(field, value);
        if (url != null && !OptionRules.isHttpUrl(url)) {
            found.add(field, value, "must be an http(s) URL with a host, e.g. https://s3.eu-west-1.amazonaws.com");
        } else if (url != null) {
            outbound(field, value, url.trim());
        }
    }

    private void url(String field, Object value) {
        String url = found.text(field, value);
        if (url != null && !OptionRules.isHttpUrl(url)) {
            found.add(field, value, "must be an https:// URL with a host, e.g. https://example.com/budget.csv");
        } else if (url != null) {
            outbound(field, value, url.trim());
        }
    }

    private void outbound(String field, Object value, String target) {
        try {
            guard.checkTarget(target);
        } catch (OutboundRefusedException e) {
            found.add(field, value, "is refused: " + e.getMessage());
        }
    }

    /** Amazon's bucket naming rules (general purpose buckets). */
    private void bucket(String field, Object value) {
        String name = found.text(field, value);
        if (name != null && (!BUCKET.matcher(name).matches() || name.contains("..") || IPV4.matcher(name).matches()
                || name.startsWith("xn--") || name.endsWith("-s3alias") || name.endsWith("--ol-s3"))) {
            found.add(field, value, "is not an S3 bucket name: 3–63 lower-case letters, digits, dots and hyphens,"
                    + " starting and ending with a letter or digit, e.g. acme-budget-exports");
        }
    }

    private void region(String field, Object value) {
        String region = found.text(field, value);
        if (region != null && !AWS_REGION.matcher(region).matches()) {
            found.add(field, value, "is not an AWS region name, e.g. eu-west-1");
        }
    }

    private void roleArn(String field, Object value) {
        String arn = found.text(field, value);
        if (arn != null && !ROLE_ARN.matcher(arn.trim()).matches()) {
            found.add(field, value, "is not an IAM role ARN, e.g. arn:aws:iam::123456789012:role/budget-sync-read");
        }
    }

    private void externalId(String field, Object value) {
        String id = found.text(field, value);
        if (id != null && !EXTERNAL_ID.matcher(id.trim()).matches()) {
            found.add(field, value, "must be 2 to 1,224 letters, digits or + = , . @ : / - _ (STS's rule for"
                    + " ExternalId)");
        }
    }

    private void fingerprint(String field, Object value) {
        String fingerprint = found.text(field, value);
        if (fingerprint != null && !FINGERPRINT.matcher(fingerprint.trim()).matches()) {
            found.add(field, value, "must be an OpenSSH SHA256 fingerprint as ssh-keygen -lf prints it,"
                    + " e.g. SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
        }
    }

    private void certificate(String field, Object value) {
        String pem = found.text(field, value);
        if (pem != null && !pem.contains(PEM_CERTIFICATE)) {
            found.addMasked(field, "(certificate)", "must be a PEM certificate starting with " + PEM_CERTIFICATE);
        }
    }

    private void afterImport(String field, Object value) {
        String after = found.text(field, value);
        if (after != null && !List.of("keep", "archive", "delete").contains(after.toLowerCase(Locale.ROOT))) {
            found.add(field, value, "must be keep, archive or delete");
        }
    }

    /** Comma-separated globs matched on the file name, as the sources read them. */
    private void globs(String field, Object value) {
        String globs = found.text(field, value);
        if (globs == null) {
            return;
        }
        for (String glob : globs.split(",")) {
            String trimmed = glob.trim();
            try {
                if (trimmed.isEmpty() || trimmed.contains("/")) {
                    throw new PatternSyntaxException("empty or with a folder", trimmed, 0);
                }
                FileSystems.getDefault().getPathMatcher("glob:" + trimmed);
            } catch (PatternSyntaxException e) {
                found.add(field, value, "is not a list of file-name globs separated by commas ('" + trimmed
                        + "' is not one), e.g. *.csv,*.xlsx");
                return;
            }
        }
    }
}
