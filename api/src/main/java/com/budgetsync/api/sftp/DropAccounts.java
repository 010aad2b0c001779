package com.budgetsync.api.sftp;

import com.budgetsync.api.HostedSftpConfig;
import com.budgetsync.api.audit.ConfigAuditStore;
import com.budgetsync.api.audit.ConfigDiff;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.schedule.SyncScheduler;
import com.budgetsync.api.views.SftpAccountRequest;
import com.budgetsync.api.views.SftpAccountView;
import com.budgetsync.config.ConfigDraft;
import com.budgetsync.config.ConfigValidator;
import com.budgetsync.config.ConfigViolation;
import com.budgetsync.crypto.PasswordHash;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.crypto.WebhookSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.Frequency;
import com.budgetsync.domain.SourceType;
import java.security.KeyPair;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosted SFTP accounts as the API manages them: creating one also creates the customer's {@code sftp} config that
 * polls its folder (logging in with a key of its own, which the customer never sees); passwords are generated, shown
 * once and kept only hashed.
 */
public final class DropAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(DropAccounts.class);
    private final Jdbi jdbi;
    private final SftpAccounts accounts;
    private final HostedSftpConfig sftp;
    private final ConfigDao configs;
    private final SourceSecrets secrets;
    private final WebhookSecrets signingSecrets;
    private final ConfigValidator validator;
    private final SyncScheduler scheduler;
    private final ConfigAuditStore audit;
    private volatile String hostKeyFingerprint;

    public DropAccounts(Jdbi jdbi, HostedSftpConfig sftp, ConfigDao configs, SourceSecrets secrets,
                        ConfigValidator validator, SyncScheduler scheduler, ConfigAuditStore audit) {
        this.jdbi = jdbi;
        this.accounts = new SftpAccounts(jdbi);
        this.sftp = sftp;
        this.configs = configs;
        this.secrets = secrets;
        this.signingSecrets = new WebhookSecrets(secrets, jdbi);
        this.validator = validator;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    public SftpAccountView create(String customerId, SftpAccountRequest request, String actor) {
        if (sftp.host() == null) {
            throw new ApiException(503, "hosted SFTP is not offered here: the operator has not set SFTP_HOST");
        }
        String keys = keyLines(request.keys());
        if (!request.wantsPassword() && keys.isEmpty()) {
            throw ApiException.badRequest("an account needs a password or at least one public key to log in with");
        }
        KeyPair poller = SshKeys.generate();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("host", sftp.pollHost());
        source.put("port", sftp.port());
        source.put("username", customerId);
        source.put("privateKey", SshKeys.openSshPrivateKey(poller));
        source.put("remotePath", "/");
        source.put("hostKeyFingerprint", hostKeyFingerprint());
        source.put("afterImport", "archive");
        if (request.settleSeconds() != null) {
            source.put("settleSeconds", request.settleSeconds());
        }
        String frequency = request.frequency() == null || request.frequency().isBlank() ? "hourly"
                : request.frequency();
        List<ConfigViolation> violations = validator.validate(new ConfigDraft(customerId, "sftp", frequency,
                request.timezone(), source, Map.of(), Set.of()));
        if (!violations.isEmpty()) {
            throw new ApiException(400, "invalid account: " + violations.stream().map(ConfigViolation::message)
                    .collect(Collectors.joining("; ")), violations);
        }
        String password = request.wantsPassword() ? PasswordHash.generate() : null;
        if (!accounts.create(customerId, password == null ? null : PasswordHash.hash(password), keys,
                SshKeys.line(poller.getPublic()))) {
            throw ApiException.conflict("customer " + customerId + " has a hosted SFTP account already", null);
        }
        DataSourceConfig config = configs.create(customerId, "Hosted SFTP drop", SourceType.SFTP, true,
                Frequency.canonical(frequency), request.timezone() == null || request.timezone().isBlank() ? "UTC"
                        : ZoneId.of(request.timezone()).getId(), secrets.encrypt(source), ConfigOptions.DEFAULTS);
        accounts.attachConfig(customerId, config.id());
        signingSecrets.issue(config.id());
        audit.record(config.id(), customerId, actor, "create", ConfigDiff.between(null, config));
        try {
            scheduler.apply(config);
        } catch (RuntimeException e) {
            LOG.warn("schedule of config {} not applied yet; the reconciler will: {}", config.id(), e.getMessage());
        }
        return view(accounts.find(customerId).orElseThrow(), password);
    }

    public SftpAccountView get(String customerId) {
        return view(find(customerId), null);
    }

    public SftpAccountView newPassword(String customerId) {
        find(customerId);
        String password = PasswordHash.generate();
        accounts.setPassword(customerId, PasswordHash.hash(password));
        return view(find(customerId), password);
    }

    public SftpAccountView setKeys(String customerId, List<String> publicKeys) {
        SftpAccounts.Account account = find(customerId);
        String keys = keyLines(publicKeys);
        if (keys.isEmpty() && account.passwordHash() == null) {
            throw ApiException.badRequest("the account has no password: keep at least one public key");
        }
        accounts.setPublicKeys(customerId, keys);
        return view(find(customerId), null);
    }

    /** The account goes; its config and history stay (delete the config to stop its schedule). */
    public void delete(String customerId) {
        if (!accounts.delete(customerId)) {
            throw notFound(customerId);
        }
    }

    private SftpAccounts.Account find(String customerId) {
        return accounts.find(customerId).orElseThrow(() -> notFound(customerId));
    }

    private static ApiException notFound(String customerId) {
        return ApiException.notFound("customer " + customerId + " has no hosted SFTP account");
    }

    /** Each key checked and written back in OpenSSH form, one per line; a bad one is a 400 naming it. */
    private static String keyLines(List<String> publicKeys) {
        try {
            return publicKeys.stream().filter(k -> k != null && !k.isBlank())
                    .map(k -> k.trim().replaceAll("\\s+", " ")).peek(SshKeys::parse)
                    .collect(Collectors.joining("\n"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("publicKeys: " + e.getMessage());
        }
    }

    private String hostKeyFingerprint() {
        if (hostKeyFingerprint == null) {
            hostKeyFingerprint = SshKeys.fingerprint(HostKeys.loadOrCreate(jdbi, secrets).getPublic());
        }
        return hostKeyFingerprint;
    }

    private SftpAccountView view(SftpAccounts.Account account, String password) {
        List<String> fingerprints = account.publicKeys().isBlank() ? List.of()
                : SshKeys.parseAll(account.publicKeys()).stream().map(SshKeys::fingerprint).toList();
        String host = sftp.host();
        String instructions = "Connect with any SFTP client to " + host + ", port " + sftp.port() + ", as "
                + account.customerId() + (account.passwordHash() != null ? " with the password you were given" : "")
                + (fingerprints.isEmpty() ? "" : (account.passwordHash() != null ? " or" : " with") + " your SSH key")
                + ". Check that the server's key fingerprint is " + hostKeyFingerprint() + " before the first upload."
                + " Put the budget export (.csv, .xlsx, .xls, or one of them in a .zip or .gz) in the folder you land"
                + " in (/); budget-sync picks up the newest file on its schedule and moves it to /archive once"
                + " imported. Example: sftp -P " + sftp.port() + " " + account.customerId() + "@" + host
                + " then: put budget.csv";
        return new SftpAccountView(account.customerId(), host, sftp.port(), account.customerId(), password,
                account.passwordHash() != null, fingerprints, hostKeyFingerprint(), account.configId(),
                account.createdAt(), instructions);
    }
}
