package com.budgetsync.config;

import com.budgetsync.domain.Frequency;
import com.budgetsync.domain.SourceType;
import com.budgetsync.net.OutboundGuard;
import com.budgetsync.settings.AwsSettings;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one validation of a config before it is saved (create, update, and any later way of editing one): source
 * type, frequency, time zone, every {@code sourceConfig} setting and every option. Unknown names, wrong types and
 * values out of range are all reported at once, each naming the field, the value and what is allowed. Pure apart from
 * the outbound address guard, which may resolve host names.
 */
public final class ConfigValidator {
    private static final String SOURCE_TYPES = Arrays.stream(SourceType.values()).map(SourceType::dbValue)
            .collect(Collectors.joining(", "));

    private final OutboundGuard guard;
    private final String defaultS3Region;
    private final boolean providedBucket;

    /** Every s3 config on AWS names its region. */
    public ConfigValidator(OutboundGuard guard) {
        this(guard, AwsSettings.NONE);
    }

    /** {@code defaultS3Region}: the operator's AWS_REGION, standing in for an s3 config's region when it has none. */
    public ConfigValidator(OutboundGuard guard, String defaultS3Region) {
        this(guard, new AwsSettings(defaultS3Region, null));
    }

    /** With the operator's AWS settings: the default region, and whether {@code provided: true} has a bucket. */
    public ConfigValidator(OutboundGuard guard, AwsSettings aws) {
        this.guard = guard;
        this.defaultS3Region = aws.defaultRegion();
        this.providedBucket = aws.providedBucket() != null;
    }

    /** Every violation, in field order; empty when the config may be saved. */
    public List<ConfigViolation> validate(ConfigDraft draft) {
        Violations found = new Violations();
        SourceType type = sourceType(draft.sourceType(), found);
        frequency(draft.frequency(), found);
        timezone(draft.timezone(), found);
        if (type != null) {
            new SourceRules(guard, defaultS3Region, providedBucket, draft.customerId(), found)
                    .check(type, orEmpty(draft.sourceConfig()));
        }
        Set<String> kept = draft.keptWebhooks() == null ? Set.of() : draft.keptWebhooks();
        new OptionRules(guard, kept, found).check(orEmpty(draft.options()));
        return found.list();
    }

    /** The option names a config takes, in documentation order. */
    public static Set<String> optionNames() {
        return new OptionRules(null, Set.of(), new Violations()).names();
    }

    private static SourceType sourceType(String name, Violations found) {
        try {
            return SourceType.fromDb(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            found.add("sourceType", name, "must be one of " + SOURCE_TYPES);
            return null;
        }
    }

    private static void frequency(String frequency, Violations found) {
        if (frequency == null) {
            return;
        }
        String canonical = Frequency.canonical(frequency);
        if (Frequency.isNamed(canonical)) {
            return;
        }
        String allowed = "must be hourly, every_4_hours, daily, manual or a 5-field cron expression"
                + " (minute hour day-of-month month day-of-week 0-6 or SUN-SAT, e.g. \"0 6 * * MON-FRI\")";
        if (canonical.split(" ").length != 5) {
            found.add("frequency", frequency, allowed);
        } else {
            TemporalCron.problem(canonical).ifPresent(why -> found.add("frequency", frequency, allowed + ": " + why));
        }
    }

    private static void timezone(String zone, Violations found) {
        if (zone == null || zone.isBlank()) {
            return;
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            found.add("timezone", zone, "is not a time zone id, e.g. UTC, Europe/Paris, America/New_York");
        }
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }
}
