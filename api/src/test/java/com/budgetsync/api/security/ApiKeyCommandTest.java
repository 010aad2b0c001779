package com.budgetsync.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.BudgetSyncApplication;
import com.budgetsync.api.auth.ApiKeyStore;
import com.budgetsync.api.auth.Caller;
import com.budgetsync.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The operator's way to the first key of a deployment without the admin token: `api-key create`, then `revoke`. */
class ApiKeyCommandTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    @TempDir
    Path dir;

    @Test
    void createsAKeyShownOnceAndRevokesIt() throws Exception {
        List<String> created = run("api-key", "create", "--customer", "acme").lines().toList();
        String key = created.get(created.size() - 1);
        assertTrue(key.startsWith("bsk_"), created.toString());
        ApiKeyStore keys = new ApiKeyStore(db.jdbi());
        Caller caller = keys.authenticate(key).orElseThrow();
        assertEquals("acme", caller.customerId());
        boolean storedInClear = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) > 0 FROM api_key WHERE key_hash LIKE '%' || :key || '%'").bind("key", key.substring(4))
                .mapTo(Boolean.class).one());
        assertFalse(storedInClear, "only the hash is stored");

        assertTrue(run("api-key", "list", "--customer", "acme").contains(key.substring(0, 10) + "…"));
        run("api-key", "revoke", "--id", Long.toString(caller.keyId()));
        assertTrue(keys.authenticate(key).isEmpty(), "a revoked key no longer authenticates");
    }

    private String run(String... args) throws Exception {
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "databaseUrl: " + db.url().jdbcUrl() + "\nlogging:\n  level: WARN\n");
        String[] withConfig = Stream.concat(Arrays.stream(args), Stream.of(config.toString())).toArray(String[]::new);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new BudgetSyncApplication().run(withConfig);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
