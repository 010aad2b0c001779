package com.budgetsync.api.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.budgetsync.api.errors.ErrorMappers;
import com.budgetsync.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UtilizationConcurrencyTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    @Test
    void fiftyParallelEnforcedReservationsNeverExceedTheBudgetAndRetriesCountOnce() throws Exception {
        long budgetId = Budgets.month(db.jdbi(), "acme", "IT", "", "2025-03", "1000.00");
        Utilization utilization = new Utilization(db.jdbi());
        BudgetTarget target = new BudgetTarget("acme", "IT", null, null, LocalDate.of(2025, 3, 10));

        // 50 requests of 30.00 against 1000.00, each sent twice at once (a client retry): 33 fit, once each.
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            for (int i = 0; i < 50; i++) {
                String requestId = "po-" + i;
                calls.add(pool.submit(() -> {
                    go.await();
                    try {
                        utilization.reserve(new UtilizationCommand(requestId, target, new BigDecimal("30.00"), "USD",
                                true));
                        accepted.add(requestId);
                    } catch (BudgetException e) {
                        assertEquals(409, ErrorMappers.statusOf(e));
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
        }
        go.countDown();
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();

        assertEquals(33, accepted.size());
        BigDecimal reserved = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT reserved FROM budget_utilization WHERE budget_id = :id").bind("id", budgetId)
                .mapTo(BigDecimal.class).one());
        assertEquals(0, reserved.compareTo(new BigDecimal("990.00")));
        assertEquals(Long.valueOf(33), db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_log WHERE budget_id = :id AND action = 'reserve'")
                .bind("id", budgetId).mapTo(Long.class).one()));
        assertEquals(0, new BudgetChecker(db.jdbi()).check(target, BigDecimal.ONE, "USD", false).available()
                .compareTo(new BigDecimal("10.00")));
    }
}
