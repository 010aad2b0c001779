package com.budgetsync.db;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Customers exist implicitly: the first config or upload of a customer id creates its row. */
public final class CustomerDao {
    private final Jdbi jdbi;

    public CustomerDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void ensure(String customerId) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO customer (id) VALUES (:id) ON CONFLICT DO NOTHING")
                .bind("id", customerId).execute());
    }

    public int fiscalYearStartMonth(String customerId) {
        Optional<Integer> month = jdbi.withHandle(h -> h.createQuery(
                        "SELECT fiscal_year_start_month FROM customer WHERE id = :id")
                .bind("id", customerId).mapTo(Integer.class).findOne());
        return month.orElse(1);
    }

    /** Days the customer's stored files are kept; null: the installation's default (retention). */
    public Integer fileRetentionDays(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT file_retention_days FROM customer WHERE id = :id")
                .bind("id", customerId).mapTo(Integer.class).findOne().orElse(null));
    }

    /** Sets the days the customer's stored files are kept; null: the installation's default. */
    public void setFileRetentionDays(String customerId, Integer days) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO customer (id, file_retention_days) VALUES (:id, :days)
                        ON CONFLICT (id) DO UPDATE SET file_retention_days = :days""")
                .bind("id", customerId).bind("days", days).execute());
    }

    /**
     * Whether budget-sync holds anything of the customer: its row, or (for data written before customers had rows)
     * a config, budget or run.
     */
    public boolean exists(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM customer WHERE id = :id)
                            OR EXISTS (SELECT 1 FROM budget_data_source_config WHERE customer_id = :id)
                            OR EXISTS (SELECT 1 FROM budget WHERE customer_id = :id)
                            OR EXISTS (SELECT 1 FROM sync_history WHERE customer_id = :id)""")
                .bind("id", customerId).mapTo(Boolean.class).one());
    }
}
