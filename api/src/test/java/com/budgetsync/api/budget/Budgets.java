package com.budgetsync.api.budget;

import com.budgetsync.normalize.MatchKey;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;

/** Budgets put straight into the table, as a sync would have left them. */
final class Budgets {
    private Budgets() {
    }

    static long add(Jdbi jdbi, String customer, String department, String sub, String period, String type,
                    LocalDate start, LocalDate end, String amount, String currency) {
        jdbi.useHandle(h -> h.execute("INSERT INTO customer (id) VALUES (?) ON CONFLICT DO NOTHING", customer));
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO budget (customer_id, department, department_key, sub_category, sub_category_key,
                                            fiscal_period, period_type, period_start, period_end, amount, currency)
                        VALUES (:c, :d, :dk, :s, :sk, :p, :t, :start, :end, :amount, :currency) RETURNING id""")
                .bind("c", customer).bind("d", department).bind("dk", MatchKey.of(department)).bind("s", sub)
                .bind("sk", MatchKey.of(sub)).bind("p", period).bind("t", type)
                .bind("start", start).bind("end", end).bind("amount", new BigDecimal(amount))
                .bind("currency", currency).mapTo(Long.class).one());
    }

    static long month(Jdbi jdbi, String customer, String department, String sub, String yearMonth, String amount) {
        LocalDate start = LocalDate.parse(yearMonth + "-01");
        return add(jdbi, customer, department, sub, yearMonth, "MONTH", start, start.plusMonths(1).minusDays(1),
                amount, "USD");
    }
}
