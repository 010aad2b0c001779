package com.budgetsync.worker.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.budgetsync.db.AlertDao;
import com.budgetsync.domain.Alert;
import com.budgetsync.domain.AlertKind;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.workflow.SyncResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A new plan that cuts a budget below what procurement already committed raises its threshold alerts, as a
 * reservation crossing them would: once per crossing, in the alerts list, only when the import commits; a plan that
 * raises the budget again re-arms them.
 */
class ImportThresholdAlertsTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    private static final String PLAN = "Marketing,Events,2025-01,%s,USD\nSales,Travel,2025-01,10000,USD\n";

    @Test
    void aCutBelowWhatIsCommittedAlertsOnceAndARaiseReArms() {
        ImportFixture f = new ImportFixture(db.jdbi(), "c-" + UUID.randomUUID().toString().substring(0, 8),
                ConfigOptions.DEFAULTS);
        f.sync(PLAN.formatted("50000"));
        commit(f, "Marketing", "38000");   // 76%: below 80
        commit(f, "Sales", "9500");        // 95%, but no sync changes Sales

        SyncResult cut = f.sync(PLAN.formatted("40000"));
        assertEquals(List.of("budget 2025-01 of Marketing / Events has reached 80% used: 38000.0000 of 40000.0000 USD"
                + " (2000.0000 available)"), messages(f));
        assertEquals(cut.syncId(), alerts(f).get(0).syncId(), "the alert names the sync that cut the budget");
        assertEquals(List.of(alerts(f).get(0).id()), new AlertDao(db.jdbi()).raisedBy(f.config.customerId(),
                cut.syncId(), AlertKind.BUDGET_THRESHOLD), "what the import activity hands to delivery");

        f.sync(PLAN.formatted("40000"));
        assertEquals(cut, f.rerun(cut.syncId(), PLAN.formatted("40000"), false), "a retried activity");
        assertEquals(1, alerts(f).size(), "the same plan again raises nothing new");

        f.sync(PLAN.formatted("37000"));
        assertEquals(List.of("100%", "80%"), thresholds(f), "only the threshold newly crossed");

        f.sync(PLAN.formatted("60000"));
        assertEquals(2, alerts(f).size(), "dropping below raises nothing");
        f.sync(PLAN.formatted("45000"));
        assertEquals(List.of("80%", "100%", "80%"), thresholds(f), "80% crossed again after the raise re-armed it");
    }

    @Test
    void aBudgetCutToNothingUnderACommitmentHasPassedEveryThreshold() {
        ImportFixture f = new ImportFixture(db.jdbi(), "c-" + UUID.randomUUID().toString().substring(0, 8),
                ConfigOptions.DEFAULTS);
        f.sync(PLAN.formatted("50000"));
        commit(f, "Marketing", "38000");
        commit(f, "Sales", "0");

        f.sync(PLAN.formatted("0").replace("10000", "0"));
        assertEquals(List.of("budget 2025-01 of Marketing / Events has reached 100% used: 38000.0000 of 0.0000 USD"
                + " (-38000.0000 available)", "budget 2025-01 of Marketing / Events has reached 80% used: 38000.0000"
                + " of 0.0000 USD (-38000.0000 available)"), messages(f), "Sales, cut to 0 with nothing drawn, raises none");
    }

    @Test
    void anImportThatDoesNotCommitRaisesNothing() {
        ImportFixture f = new ImportFixture(db.jdbi(), "c-" + UUID.randomUUID().toString().substring(0, 8),
                ConfigOptions.DEFAULTS);
        f.sync(PLAN.formatted("50000"));
        commit(f, "Marketing", "45000");

        SyncResult failed = f.sync(PLAN.formatted("40000") + "Ops,Travel,2025-01,lots,USD\n");
        assertEquals(SyncStatus.FAILED, failed.status(), "one row in three in error is over the threshold");
        assertEquals(new BigDecimal("50000.0000"), f.activeAmount("Marketing", "Events", "2025-01"));
        assertEquals(List.of(), alerts(f));

        f.sync(PLAN.formatted("40000"));
        assertEquals(List.of("100%", "80%"), thresholds(f), "the next import that commits the cut raises both");
    }

    private static void commit(ImportFixture f, String department, String amount) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO budget_utilization (budget_id, committed, reserved)
                        SELECT id, :amount, 0 FROM budget WHERE customer_id = :c AND department = :d""")
                .bind("amount", new BigDecimal(amount)).bind("c", f.config.customerId()).bind("d", department)
                .execute());
    }

    /** The customer's alerts as the alerts list serves them, newest first. */
    private static List<Alert> alerts(ImportFixture f) {
        return new AlertDao(db.jdbi()).list(f.config.customerId(), false, 100, 0);
    }

    private static List<String> messages(ImportFixture f) {
        return alerts(f).stream().map(Alert::message).toList();
    }

    private static List<String> thresholds(ImportFixture f) {
        return alerts(f).stream().map(a -> a.message().replaceAll(".* has reached (\\d+%) used.*", "$1")).toList();
    }
}
