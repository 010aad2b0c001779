package com.budgetsync.config;

import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.mapping.HeaderNames;
import com.budgetsync.mapping.TargetField;
import com.budgetsync.net.OutboundGuard;
import com.budgetsync.net.OutboundRefusedException;
import com.budgetsync.normalize.CurrenciesInUse;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** The rules of {@code options}: one per {@link ConfigOptions} field, documented in docs/onboarding.md. */
final class OptionRules {
    /** The fiscal years a period label may name (as FiscalPeriodParser reads them). */
    private static final long FIRST_YEAR = 1900;
    private static final long LAST_YEAR = 2100;
    /** Excel's own limits on a sheet name. */
    private static final int SHEET_NAME_MAX = 31;
    /** Runs in a row an alert setting may name: more than a year of hourly runs is a typo. */
    private static final long MAX_STREAK = 10_000;
    private static final String SHEET_NAME_FORBIDDEN = ":\\/?*[]";
    private static final String FIELDS = Arrays.stream(TargetField.values()).map(TargetField::jsonName)
            .collect(Collectors.joining(", "));

    private final OutboundGuard guard;
    private final Set<String> keptWebhooks;
    private final Violations found;
    private final Map<String, BiConsumer<String, Object>> rules = new LinkedHashMap<>();
    private final Map<String, BiConsumer<String, Object>> alertRules = new LinkedHashMap<>();

    OptionRules(OutboundGuard guard, Set<String> keptWebhooks, Violations found) {
        this.guard = guard;
        this.keptWebhooks = keptWebhooks;
        this.found = found;
        rules.put("defaultCurrency", this::currency);
        rules.put("mappingThreshold", (f, v) -> found.fraction(f, v, "0.7 = 70 % confidence"));
        rules.put("pins", this::pins);
        rules.put("sheet", this::sheet);
        rules.put("errorThreshold", (f, v) -> found.fraction(f, v, "0.05 = 5 % of rows"));
        rules.put("duplicates", this::duplicates);
        rules.put("deletionGuard", (f, v) -> found.fraction(f, v, "0.25 = 25 % of the config's budgets"));
        rules.put("notifyEmails", this::emails);
        rules.put("notifyWebhooks", this::webhooks);
        rules.put("notifyOnSuccess", found::bool);
        rules.put("fiscalYear", (f, v) -> found.whole(f, v, FIRST_YEAR, LAST_YEAR));
        rules.put("alerts", this::alerts);
        rules.put("takeOverBudgets", found::bool);
        alertRules.put("staleAfterHours", (f, v) -> positive(f, v, "hours, e.g. 8"));
        alertRules.put("expectedBy", this::timeOfDay);
        alertRules.put("expectedOn", this::expectedOn);
        alertRules.put("warnAfterFailures", (f, v) -> found.whole(f, v, 0, MAX_STREAK));
        alertRules.put("pauseAfterFailures", (f, v) -> found.whole(f, v, 0, MAX_STREAK));
        alertRules.put("warnAfterReviews", (f, v) -> found.whole(f, v, 0, MAX_STREAK));
        alertRules.put("slowRunMinutes", (f, v) -> positive(f, v, "minutes, e.g. 5"));
        alertRules.put("errorRate", (f, v) -> found.fraction(f, v, "0.05 = 5 % of rows"));
    }

    /** The option names these rules know, in documentation order. */
    Set<String> names() {
        return rules.keySet();
    }

    void check(Map<String, Object> options) {
        options.forEach((name, value) -> {
            String field = "options." + name;
            BiConsumer<String, Object> rule = rules.get(name);
            if (rule == null) {
                found.add(field, value, "is not an option; options are " + String.join(", ", rules.keySet()));
            } else if (value != null) { // null means "the default", as when left out
                rule.accept(field, value);
            }
        });
    }

    /** {@code options.alerts}: an object of {@link com.budgetsync.domain.AlertOptions} settings. */
    private void alerts(String field, Object value) {
        if (!(value instanceof Map<?, ?> settings)) {
            found.add(field, value, "must be an object of alert settings, e.g. {\"expectedBy\": \"07:00\"}");
            return;
        }
        settings.forEach((name, setting) -> {
            String settingField = field + "." + name;
            BiConsumer<String, Object> rule = alertRules.get(String.valueOf(name));
            if (rule == null) {
                found.add(settingField, setting, "is not an alert setting; they are "
                        + String.join(", ", alertRules.keySet()));
            } else if (setting != null) {
                rule.accept(settingField, setting);
            }
        });
    }

    private void positive(String field, Object value, String example) {
        if (!(value instanceof Number n) || n.doubleValue() <= 0) {
            found.add(field, value, "must be a number more than 0 (" + example + ")");
        }
    }

    private void timeOfDay(String field, Object value) {
        String time = found.text(field, value);
        if (time != null && !time.trim().matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            found.add(field, value, "must be a time of day as HH:mm in the config's time zone, e.g. 07:00");
        }
    }

    private void expectedOn(String field, Object value) {
        String days = found.text(field, value);
        if (days != null && !days.equals("daily") && !days.equals("weekdays")) {
            found.add(field, value, "must be daily or weekdays");
        }
    }

    private void currency(String field, Object value) {
        String code = found.text(field, value);
        if (code != null && !CurrenciesInUse.CODES.contains(code)) {
            found.add(field, value, "is not an ISO 4217 currency code in use; e.g. EUR");
        }
    }

    private void duplicates(String field, Object value) {
        String rule = found.text(field, value);
        if (rule != null && !rule.equals("sum") && !rule.equals("error")) {
            found.add(field, value, "must be sum or error");
        }
    }

    private void sheet(String field, Object value) {
        String name = found.text(field, value);
        if (name != null && (name.length() > SHEET_NAME_MAX
                || name.chars().anyMatch(c -> SHEET_NAME_FORBIDDEN.indexOf(c) >= 0))) {
            found.add(field, value, "is not an Excel sheet name (at most 31 characters, none of : \\ / ? * [ ])");
        }
    }

    private void pins(String field, Object value) {
        if (!(value instanceof Map<?, ?> pins)) {
            found.add(field, value, "must be an object of column header → field, e.g. {\"Budget Value\": \"amount\"}");
            return;
        }
        Map<String, String> columns = new HashMap<>();
        Map<TargetField, String> fields = new HashMap<>();
        pins.forEach((column, target) -> {
            String pinField = field + "." + column;
            if (String.valueOf(column).isBlank()) {
                found.add(field, "", "has an empty column header");
                return;
            }
            String previous = columns.putIfAbsent(HeaderNames.normalize(column.toString()), column.toString());
            if (previous != null) {
                found.add(pinField, target, "pins the column '" + previous + "' a second time");
            }
            TargetField targetField = targetField(target);
            if (targetField == null) {
                found.add(pinField, target, "is not a field; fields are " + FIELDS);
            } else if (fields.putIfAbsent(targetField, column.toString()) != null) {
                found.add(pinField, target, "is already pinned to the column '" + fields.get(targetField)
                        + "'; a field takes one column");
            }
        });
    }

    private static TargetField targetField(Object name) {
        if (!(name instanceof String s)) {
            return null;
        }
        try {
            return TargetField.fromJson(s);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private void emails(String field, Object value) {
        List<String> addresses = found.texts(field, value);
        if (addresses == null) {
            return;
        }
        for (String address : addresses) {
            try {
                // the parser the notifier sends with: what passes here is an address it can send to
                InternetAddress parsed = new InternetAddress(address, true);
                if (!parsed.getAddress().contains("@")) {
                    throw new AddressException("no domain");
                }
            } catch (AddressException e) {
                found.add(field, address, "is not an email address, e.g. fpa-team@acme.example");
            }
        }
    }

    /** Webhook URLs are credentials: violations show them masked. */
    private void webhooks(String field, Object value) {
        List<String> urls = found.texts(field, value);
        if (urls == null) {
            return;
        }
        for (String url : urls) {
            if (keptWebhooks.contains(url)) {
                continue; // sent back masked: the stored URL, checked when it was saved
            }
            if (!isHttpUrl(url)) {
                found.addMasked(field, WebhookUrls.mask(url), "is not an http(s) URL with a host,"
                        + " e.g. https://hooks.slack.com/services/…");
                continue;
            }
            try {
                guard.checkTarget(url.trim());
            } catch (OutboundRefusedException e) {
                found.addMasked(field, WebhookUrls.mask(url), "is refused: " + e.getMessage());
            }
        }
    }

    static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
