package com.budgetsync.api.cli;

import ch.qos.logback.classic.Level;
import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.api.auth.ApiKeyStore;
import com.budgetsync.api.budget.BudgetTarget;
import com.budgetsync.api.temporal.EmbeddedTemporal;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.DatabaseUrl;
import com.budgetsync.db.Databases;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.worker.importing.BudgetImporter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.EnvironmentCommand;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.slf4j.LoggerFactory;

/**
 * {@code bench}: the sync engine and the budget check at scale, each figure printed beside the floor measured in the
 * same run on the same fresh database. Everything runs for real: embedded Temporal, the in-process worker, the HTTP
 * API on a free port, PostgreSQL.
 */
public class BenchCommand extends EnvironmentCommand<BudgetSyncConfiguration> {
    private static final String TOKEN = "bench-" + UUID.randomUUID();
    /** Requests spread evenly, as many independent procurement clients send them. */
    private static final int STEADY_CONNECTIONS = 4;
    /** The same rate from many connections, in bursts: the worst case for a 2-core machine. */
    private static final int BURST_CONNECTIONS = 32;
    private static final long MB = 1024 * 1024;

    private EmbeddedTemporal embedded;

    public BenchCommand(Application<BudgetSyncConfiguration> application) {
        super(application, "bench", "Measures 1M-row syncs and budget-check latency against their floors");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--rows").type(Integer.class).setDefault(1_000_000).help("rows of the big file");
        subparser.addArgument("--small-rows").type(Integer.class).setDefault(10_000).help("rows of the small file");
        subparser.addArgument("--rate").type(Integer.class).setDefault(1000).help("budget checks per second");
        subparser.addArgument("--seconds").type(Integer.class).setDefault(10).help("seconds of check load");
        subparser.addArgument("--checks-only").action(Arguments.storeTrue())
                .help("only figure (5): the big file imported once, then the budget-check load");
        subparser.addArgument("--console-only").action(Arguments.storeTrue())
                .help("only figure (6): the web console's pages with 10,000 runs and 100,000 budgets");
        subparser.addArgument("--imports-only").action(Arguments.storeTrue())
                .help("only figures (1) to (4): the imports against their floor");
        subparser.addArgument("--schedules-only").action(Arguments.storeTrue())
                .help("only figure (7): reconciling the schedules of --configs enabled configs with Temporal");
        subparser.addArgument("--drain-only").action(Arguments.storeTrue())
                .help("only figure (8): --runs runs due in the same minute, drained by two worker processes");
        subparser.addArgument("--retention-only").action(Arguments.storeTrue())
                .help("only figure (9): a retention pass over 100,000 stored files and 1,000,000 history rows while "
                        + "imports run, with the longest lock wait");
        subparser.addArgument("--runs").type(Integer.class).setDefault(1_000).help("runs for figure (8)");
        subparser.addArgument("--configs").type(Integer.class).setDefault(10_000).help("configs for figure (7)");
        subparser.addArgument("--database").setDefault("budget_sync_bench").help("database to drop and recreate");
        subparser.addArgument("--config").dest("file").help("optional config.yml");
    }

    @Override
    protected void run(Bootstrap<BudgetSyncConfiguration> bootstrap, Namespace namespace,
                       BudgetSyncConfiguration config) throws Exception {
        // Request and INFO logs would be most of the output and a share of the CPU being measured.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // ...except the importer's line of phase times, which says where an import's seconds went.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(BudgetImporter.class)).setLevel(Level.INFO);
        DatabaseUrl url = config.databaseUrl().withDatabase(namespace.getString("database"));
        Databases.drop(url);
        Databases.createIfMissing(url);
        Databases.migrate(url);
        config.setDatabaseUrl(withCredentials(url));
        config.getWorker().setEnabled(false);
        // Checks go through authentication like procurement's: a token made for this run, never printed.
        config.getAuth().setAdminToken(TOKEN);
        embedded = EmbeddedTemporal.startOnFreePort();
        config.getTemporal().setAddress(embedded.address());
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        ((HttpConnectorFactory) server.getApplicationConnectors().get(0)).setPort(0);
        ((HttpConnectorFactory) server.getAdminConnectors().get(0)).setPort(0);
        ((LogbackAccessRequestLogFactory) server.getRequestLogFactory()).setAppenders(List.of());
        System.out.println("database " + url + ", Temporal " + embedded.address() + " (embedded), "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / MB + " MB");
        super.run(bootstrap, namespace, config);
    }

    @Override
    protected void run(Environment environment, Namespace namespace, BudgetSyncConfiguration config) throws Exception {
        Server server = config.getServerFactory().build(environment);
        server.start();
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        Path dir = Files.createTempDirectory("budget-sync-bench");
        // its own registry: the application's Temporal connection already reports into environment.metrics()
        try (CommandRuntime runtime = new CommandRuntime(config, embedded, new MetricRegistry())) {
            runtime.worker.start();
            String base = "http://127.0.0.1:" + port;
            if (namespace.getBoolean("schedules_only")) {
                SchedulesBench.run(runtime, namespace.getInt("configs"), dir, base, TOKEN);
            } else if (namespace.getBoolean("retention_only")) {
                RetentionBench.run(runtime, dir);
            } else if (namespace.getBoolean("drain_only")) {
                DrainBench.run(runtime, namespace.getInt("runs"), config.getWorker().maxConcurrentSyncs(), dir,
                        withCredentials(config.databaseUrl()), embedded.address());
            } else {
                if (!namespace.getBoolean("console_only")) {
                    String databaseUrl = withCredentials(config.databaseUrl());
                    bench(runtime, namespace, dir, base + "/api/budget/check", () -> new WorkerProcess(databaseUrl,
                            embedded.address(), config.getWorker().maxConcurrentSyncs(), dir.resolve("worker.log")));
                }
                if (!namespace.getBoolean("imports_only") && !namespace.getBoolean("checks_only")) {
                    ConsolePagesBench.run(runtime, dir, base, TOKEN);
                }
            }
        } finally {
            server.stop();
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
        // Temporal's and the pool's threads would keep the JVM up after a command whose work is done.
        System.exit(0);
    }

    private static void bench(CommandRuntime runtime, Namespace ns, Path dir, String checkUrl,
                              Callable<WorkerProcess> worker) throws Exception {
        int rows = ns.getInt("rows");
        int smallRows = ns.getInt("small_rows");
        Path big = BenchData.write(dir, "budgets.csv", rows, 0);
        Path changed = BenchData.write(dir, "budgets-reforecast.csv", rows, 100);
        Path small = BenchData.write(dir, "budgets-small.csv", smallRows, 0);
        ConfigDao configs = new ConfigDao(runtime.jdbi);

        double floor = copyFloor(runtime.jdbi, big);
        System.out.printf(Locale.ROOT, "floor    COPY of the same %,d rows from the CSV into a seven-column table with "
                + "budget's business key: %.2f s%n", rows, floor);

        System.gc();
        long[] peak = new long[1];
        Timed first;
        try (HeapSampler heap = new HeapSampler()) {
            first = Timed.sync(runtime, configs.uploadConfigOf("bench"), big);
            peak[0] = heap.peakBytes();
        }
        first.require(SyncStatus.SUCCESS, rows, r -> r.stats().created());
        report("(1) %,d new rows end to end".formatted(rows), first.seconds, floor, 2.0);
        double budgetShaped = budgetShapedFloor(runtime.jdbi, dir);
        System.out.printf(Locale.ROOT, "    beside a second floor, the same rows already normalised copied into a table "
                + "like budget (its columns, two indexes, fillfactor): %.2f s, (1) = %.2f× it%n", budgetShaped,
                first.seconds / budgetShaped);
        if (ns.getBoolean("checks_only")) {
            checkLatency(runtime, ns, checkUrl, rows, big, worker);
            return;
        }

        Timed resync = Timed.sync(runtime, configs.uploadConfigOf("bench"), changed);
        resync.require(SyncStatus.SUCCESS, rows / 100, r -> r.stats().updated());
        report("(2) re-sync, 1%% of amounts changed".formatted(), resync.seconds, floor, 1.0);
        // the digest finds the budgets of dropped keys by reading the config's keys: the one case that reads them all
        Timed closed = Timed.sync(runtime, configs.uploadConfigOf("bench"),
                BenchData.dropping(changed, "budgets-closed.csv", 100));
        closed.require(SyncStatus.SUCCESS, rows / 100, r -> r.stats().softDeleted());
        report("(2b) re-sync, 1%% of rows dropped".formatted(), closed.seconds, floor, 1.0);

        Timed tenK = Timed.sync(runtime, configs.uploadConfigOf("bench-small"), small);
        tenK.require(SyncStatus.SUCCESS, smallRows, r -> r.stats().created());
        System.out.printf(Locale.ROOT, "(3) %,d rows end to end: %.3f s (target < 0.5 s) %s%n", smallRows,
                tenK.seconds, verdict(tenK.seconds < 0.5));

        System.out.printf(Locale.ROOT, "(4) peak heap during (1): %d MB of %d MB max (target < 512 MB) %s%n",
                peak[0] / MB, Runtime.getRuntime().maxMemory() / MB, verdict(peak[0] < 512 * MB));

        if (!ns.getBoolean("imports_only")) {
            checkLatency(runtime, ns, checkUrl, rows, big, worker);
        }
    }

    private static void checkLatency(CommandRuntime runtime, Namespace ns, String url, int rows, Path importedMeanwhile,
                                     Callable<WorkerProcess> separateWorker) throws Exception {
        Jdbi jdbi = runtime.jdbi;
        int rate = ns.getInt("rate");
        int seconds = ns.getInt("seconds");
        int departments = Math.max(1, rows / (BenchData.SUBS * BenchData.MONTHS));
        // Spelled unlike the file (case, spaces) on purpose: the check compares stored match keys.
        String department = BenchData.department(departments / 2).toUpperCase(Locale.ROOT);
        String sub = "  " + BenchData.subCategory(BenchData.SUBS / 2).toLowerCase(Locale.ROOT);
        LocalDate date = LocalDate.of(2025, 5, 15);
        String body = """
                {"customerId":"bench","department":"%s","subCategory":"%s","date":"%s","amount":"125.50","currency":"USD"}"""
                .formatted(department, sub, date);
        // Checks are measured in the steady state between syncs: the imports' dead tuples vacuumed (autovacuum would
        // otherwise be doing it during the measurement), their garbage collected, the JIT done compiling.
        jdbi.useHandle(h -> h.execute("VACUUM (ANALYZE) budget, audit_log, budget_utilization"));
        System.gc();
        // Procurement checks with its customer's API key, not the admin token: the key is verified per request.
        String key = new ApiKeyStore(jdbi).create("bench", "bench").key();
        BudgetTarget target = new BudgetTarget("bench", department, sub, null, date);
        int warmUp = CheckLoad.warmUp(url, key, body, rate, STEADY_CONNECTIONS);
        CheckLoad.Result http = CheckLoad.http(url, key, body, rate, STEADY_CONNECTIONS, seconds);
        CheckLoad.Result bursts = CheckLoad.http(url, key, body, rate, BURST_CONNECTIONS, seconds);
        CheckLoad.database(jdbi, target, rate, 3);
        CheckLoad.Result db = CheckLoad.database(jdbi, target, rate, seconds);
        System.out.printf(Locale.ROOT, "(5) budget check over HTTP (hey, %d connections) at %d/s for %d s with %,d "
                        + "budgets, after %d s of the same load until the JIT settled: p50 %.2f ms, p99 %.2f ms, "
                        + "%.0f req/s achieved, responses %s (target p99 < 5 ms) %s%n",
                STEADY_CONNECTIONS, rate, seconds, rows, warmUp, http.p50(), http.p99(), http.rate(), http.statuses(),
                verdict(http.p99() < 5 && http.statuses().matches("200×\\d+")));
        System.out.printf(Locale.ROOT, "    bursts: %d connections ticking in step (%d requests at once): p50 %.2f ms, "
                        + "p99 %.2f ms, %.0f req/s achieved, responses %s%n", BURST_CONNECTIONS, BURST_CONNECTIONS,
                bursts.p50(), bursts.p99(), bursts.rate(), bursts.statuses());
        System.out.printf(Locale.ROOT, "    floor: the same point query over JDBC at %d/s: p50 %.2f ms, p99 %.2f ms%n",
                rate, db.p50(), db.p99());
        // A rolled-up answer: the department alone adds up its sub-categories' budgets of the month, in one query.
        String departmentOnly = """
                {"customerId":"bench","department":"%s","date":"%s","amount":"125.50","currency":"USD"}"""
                .formatted(department, date);
        CheckLoad.Result rolledUp = CheckLoad.http(url, key, departmentOnly, rate, STEADY_CONNECTIONS, seconds);
        System.out.printf(Locale.ROOT, "    rolled up (department only: the sum of its %d sub-categories' budgets): "
                        + "%d connections p50 %.2f ms, p99 %.2f ms, %.0f req/s achieved, responses %s%n",
                BenchData.SUBS, STEADY_CONNECTIONS, rolledUp.p50(), rolledUp.p99(), rolledUp.rate(),
                rolledUp.statuses());

        // The realistic case: procurement keeps checking while the worker imports big files of other customers,
        // one after another for the whole measurement (each a first load of a new customer: the heaviest import). The
        // worker runs as deployed, in a process of its own: this JVM is the API's.
        runtime.worker.stop();
        try (WorkerProcess worker = separateWorker.call()) {
            importWhileChecking(runtime, new Probe(url, key, body, target, rate, seconds), rows, importedMeanwhile);
        }
    }

    /** One budget check, sent over HTTP with {@code key} and run as the bare query, at {@code rate} per second. */
    private record Probe(String url, String key, String body, BudgetTarget target, int rate, int seconds) {
    }

    private static void importWhileChecking(CommandRuntime runtime, Probe probe, int rows, Path importedMeanwhile)
            throws Exception {
        Jdbi jdbi = runtime.jdbi;
        int rate = probe.rate();
        int seconds = probe.seconds();
        AtomicBoolean measuring = new AtomicBoolean(true);
        CompletableFuture<Integer> importing = CompletableFuture.supplyAsync(() -> {
            int imports = 0;
            try {
                while (measuring.get()) {
                    Timed.sync(runtime, new ConfigDao(jdbi).uploadConfigOf("bench-meanwhile-" + imports++),
                            importedMeanwhile).require(SyncStatus.SUCCESS, rows, r -> r.stats().created());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return imports;
        });
        Thread.sleep(2000);
        CheckLoad.Result steadyImporting = CheckLoad.http(probe.url(), probe.key(), probe.body(), rate,
                STEADY_CONNECTIONS, seconds);
        CheckLoad.Result manyImporting = CheckLoad.http(probe.url(), probe.key(), probe.body(), rate,
                BURST_CONNECTIONS, seconds);
        CheckLoad.Result dbImporting = CheckLoad.database(jdbi, probe.target(), rate, seconds);
        measuring.set(false);
        int imports = importing.get();
        System.out.printf(Locale.ROOT, "    while the worker imports %,d-row files of other customers (%d imports "
                        + "back to back): %d connections p50 %.2f ms, p99 %.2f ms, responses %s (target p99 < 5 ms) %s; "
                        + "%d connections p50 %.2f ms, p99 %.2f ms, responses %s (target p99 < 20 ms) %s; JDBC floor "
                        + "p50 %.2f ms, p99 %.2f ms%n", rows, imports, STEADY_CONNECTIONS, steadyImporting.p50(),
                steadyImporting.p99(), steadyImporting.statuses(), verdict(steadyImporting.p99() < 5),
                BURST_CONNECTIONS, manyImporting.p50(), manyImporting.p99(), manyImporting.statuses(),
                verdict(manyImporting.p99() < 20), dbImporting.p50(), dbImporting.p99());
    }

    private static double copyFloor(Jdbi jdbi, Path csv) throws Exception {
        return jdbi.withHandle(h -> timedCopy(h, """
                        CREATE TABLE bench_floor (
                            id bigserial PRIMARY KEY, customer_id text NOT NULL DEFAULT 'floor', department text NOT NULL,
                            sub_category text NOT NULL, fiscal_period text NOT NULL, amount numeric(19, 4) NOT NULL,
                            currency char(3) NOT NULL, UNIQUE (customer_id, department, sub_category, fiscal_period))""",
                """
                        COPY bench_floor (department, sub_category, fiscal_period, amount, currency)
                        FROM STDIN (FORMAT csv, HEADER true)""", csv, "bench_floor"));
    }

    /** Seconds to COPY {@code file} into a table made for the purpose, dropped afterwards. */
    private static double timedCopy(Handle h, String createTable, String copy, Path file, String table)
            throws Exception {
        h.execute(createTable);
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
            h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(copy, in);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        h.execute("DROP TABLE " + table);
        return seconds;
    }

    /**
     * The bench customer's budgets as the import wrote them, copied out to a file and timed copying back into a table
     * made like {@code budget} (its columns, indexes and fillfactor): what PostgreSQL alone takes to write rows of budget's width, beside the first floor's
     * seven columns.
     */
    private static double budgetShapedFloor(Jdbi jdbi, Path dir) throws Exception {
        String columns = "department, department_key, sub_category, sub_category_key, fiscal_period, period_type, "
                + "period_start, period_end, period_label, amount, currency, customer_id, source_config_id, "
                + "last_sync_id, created_sync_id";
        Path rows = dir.resolve("budget-rows.copy");
        return jdbi.withHandle(h -> {
            try (var out = Files.newOutputStream(rows)) {
                h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + columns
                        + " FROM budget WHERE customer_id = 'bench' AND deleted_at IS NULL) TO STDOUT", out);
            }
            // LIKE does not take the table's storage parameters (its fillfactor): given as budget has them
            String storage = h.createQuery("SELECT coalesce(' WITH (' || array_to_string(reloptions, ', ') || ')', '')"
                    + " FROM pg_class WHERE oid = 'budget'::regclass").mapTo(String.class).one();
            double seconds = timedCopy(h, "CREATE TABLE bench_floor_budget (LIKE budget INCLUDING DEFAULTS "
                    + "INCLUDING CONSTRAINTS INCLUDING INDEXES)" + storage, "COPY bench_floor_budget (" + columns
                    + ") FROM STDIN", rows, "bench_floor_budget");
            Files.delete(rows);
            return seconds;
        });
    }

    private static void report(String what, double seconds, double floor, double target) {
        double ratio = seconds / floor;
        System.out.printf(Locale.ROOT, "%s: %.2f s = %.2f× the COPY floor (target ≤ %.0f×) %s%n", what, seconds,
                ratio, target, verdict(ratio <= target));
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }

    /** A jdbc: URL that carries user and password itself, as the configuration's databaseUrl takes it. */
    private static String withCredentials(DatabaseUrl url) {
        String user = url.user() == null ? "postgres" : url.user();
        String sep = url.jdbcUrl().contains("?") ? "&" : "?";
        return url.jdbcUrl() + sep + "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + (url.password() == null ? "" : "&password=" + URLEncoder.encode(url.password(), StandardCharsets.UTF_8));
    }

    /** One run of a file end to end, from storing it to the run's recorded outcome. */
    record Timed(SyncRecord record, double seconds) {
        static Timed sync(CommandRuntime runtime, com.budgetsync.domain.DataSourceConfig config, Path file)
                throws Exception {
            long start = System.nanoTime();
            SyncRecord record = FileSync.run(runtime, config, file, false);
            return new Timed(record, (System.nanoTime() - start) / 1e9);
        }

        void require(SyncStatus status, long expected, java.util.function.ToLongFunction<SyncRecord> count) {
            if (record.status() != status || count.applyAsLong(record) != expected) {
                throw new IllegalStateException("bench run " + record.syncId() + " ended " + record.status().dbValue()
                        + " with " + record.stats() + ": " + record.message());
            }
        }
    }
}
