package com.budgetsync.api.budget;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The only writer of {@code budget_utilization}. Each call is keyed by the caller's {@code requestId}
 * ({@code budget_request}) and moves through reserved → committed, or reserved → released:
 * <ul>
 *   <li>reserve: holds the amount ({@code reserved += amount}); with {@code enforce} refused (409) beyond available;</li>
 *   <li>commit: moves the request's reservation to committed; with no reservation it commits directly
 *       ({@code committed += amount}, enforce as for reserve);</li>
 *   <li>release: frees a reservation ({@code reserved -= amount}); a committed request cannot be released.</li>
 * </ul>
 * A call that repeats the request's current state is a replay: it changes nothing and answers {@code replayed}.
 * The same requestId with another amount or currency, or a move the state does not allow, is a 409. Every call takes
 * the budget's row lock first, so concurrent calls on one budget run one after another and
 * {@code available = amount − committed − reserved} never goes below zero through enforced calls.
 */
public final class Utilization {
    private static final String RESERVED = "reserved";
    private static final String COMMITTED = "committed";
    private static final String RELEASED = "released";

    private final Jdbi jdbi;

    public Utilization(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private record Request(long budgetId, String state, BigDecimal amount, BigDecimal requestAmount,
                           String requestCurrency, BigDecimal fxRate) {
        Conversion conversion(MatchedBudget budget) {
            return fxRate == null ? Conversion.none(amount, budget.currency())
                    : new Conversion(requestAmount, requestCurrency, amount, budget.currency(), fxRate, null);
        }
    }

    public UtilizationResult reserve(UtilizationCommand command) {
        return jdbi.inTransaction(h -> {
            MatchedBudget budget = lockBudget(h, command);
            Optional<Request> existing = request(h, command);
            if (existing.isPresent()) {
                return replay(command, existing.get(), budget, RESERVED);
            }
            return holdNew(h, command, budget, RESERVED, "reserve");
        });
    }

    public UtilizationResult commit(UtilizationCommand command) {
        return jdbi.inTransaction(h -> {
            MatchedBudget budget = lockBudget(h, command);
            Optional<Request> existing = request(h, command);
            if (existing.isEmpty()) {
                return holdNew(h, command, budget, COMMITTED, "commit");
            }
            Request request = existing.get();
            if (!request.state().equals(RESERVED)) {
                return replay(command, request, budget, COMMITTED);
            }
            requireSameAmount(command, request);
            MatchedBudget after = move(h, command, budget, request.amount(), request.amount().negate(), COMMITTED,
                    "commit", request.amount());
            return new UtilizationResult(command.requestId(), COMMITTED, false, request.conversion(after), after,
                    after.available());
        });
    }

    public UtilizationResult release(UtilizationCommand command) {
        return jdbi.inTransaction(h -> {
            Request request = request(h, command).orElseThrow(() -> new BudgetException.NotFound("request "
                    + command.requestId() + " has no reservation to release", null));
            MatchedBudget budget = lock(h, request.budgetId());
            request = request(h, command).orElseThrow();
            if (!request.state().equals(RESERVED)) {
                return replay(command, request, budget, RELEASED);
            }
            requireSameAmount(command, request);
            MatchedBudget after = move(h, command, budget, BigDecimal.ZERO, request.amount().negate(), RELEASED,
                    "release", request.amount());
            return new UtilizationResult(command.requestId(), RELEASED, false, request.conversion(after), after,
                    after.available());
        });
    }

    /** The budget the request already holds against, else the one its target matches; locked either way. */
    private static MatchedBudget lockBudget(Handle h, UtilizationCommand command) {
        Optional<Request> existing = request(h, command);
        if (existing.isPresent()) {
            return lock(h, existing.get().budgetId());
        }
        if (command.target().department() == null || command.amount() == null || command.currency() == null) {
            throw new BudgetException.Invalid("department, amount and currency are required for a new request");
        }
        MatchedBudget found = BudgetFinder.find(h, command.target()).orElseThrow(() -> new BudgetException.NotFound(
                "no active budget for " + BudgetChecker.describe(command.target()),
                Map.of("status", CheckResult.Status.NO_BUDGET)));
        return lock(h, found.id());
    }

    private static MatchedBudget lock(Handle h, long budgetId) {
        return BudgetFinder.lock(h, budgetId).orElseThrow(() -> new BudgetException.Conflict(
                "budget " + budgetId + " is no longer active (a sync removed it)", null));
    }

    private static UtilizationResult holdNew(Handle h, UtilizationCommand command, MatchedBudget budget,
                                             String state, String action) {
        Conversion conversion = FxRates.convert(h, command.amount(), command.currency(), budget.currency(),
                command.target().rateDate());
        BigDecimal amount = conversion.amount();
        if (command.enforce() && amount.compareTo(budget.available()) > 0) {
            throw new BudgetException.OverBudget("over budget: " + amount.toPlainString() + " " + budget.currency()
                    + " requested, " + budget.available().toPlainString() + " available", Map.of(
                    "available", budget.available(), "currency", budget.currency(), "requested", amount));
        }
        h.createUpdate("""
                        INSERT INTO budget_request (customer_id, request_id, budget_id, state, amount, request_amount,
                                                    request_currency, fx_rate)
                        VALUES (:customer, :request, :budget, :state, :amount, :requestAmount, :currency, :rate)""")
                .bind("customer", command.target().customerId()).bind("request", command.requestId())
                .bind("budget", budget.id()).bind("state", state).bind("amount", amount)
                .bind("requestAmount", command.amount()).bind("currency", command.currency())
                .bind("rate", conversion.rate()).execute();
        boolean commit = state.equals(COMMITTED);
        MatchedBudget after = move(h, command, budget, commit ? amount : BigDecimal.ZERO,
                commit ? BigDecimal.ZERO : amount, state, action, amount);
        return new UtilizationResult(command.requestId(), state, false, conversion, after, after.available());
    }

    /** Applies a change to the budget's utilization and the request's state, with its audit row. */
    private static MatchedBudget move(Handle h, UtilizationCommand command, MatchedBudget budget,
                                      BigDecimal committedDelta, BigDecimal reservedDelta, String state,
                                      String action, BigDecimal amount) {
        h.createUpdate("""
                        UPDATE budget_request SET state = :state, updated_at = now()
                         WHERE customer_id = :customer AND request_id = :request""")
                .bind("state", state).bind("customer", command.target().customerId())
                .bind("request", command.requestId()).execute();
        MatchedBudget after = h.createQuery("""
                        INSERT INTO budget_utilization AS u (budget_id, committed, reserved)
                        VALUES (:budget, :committed, :reserved)
                        ON CONFLICT (budget_id) DO UPDATE
                           SET committed = u.committed + EXCLUDED.committed, reserved = u.reserved + EXCLUDED.reserved,
                               updated_at = now()
                        RETURNING committed, reserved""")
                .bind("budget", budget.id()).bind("committed", committedDelta).bind("reserved", reservedDelta)
                .map((rs, ctx) -> new MatchedBudget(budget.id(), budget.department(), budget.subCategory(),
                        budget.fiscalPeriod(), budget.periodType(), budget.amount(), rs.getBigDecimal("committed"),
                        rs.getBigDecimal("reserved"), budget.currency()))
                .one();
        h.createUpdate("""
                        INSERT INTO audit_log (customer_id, budget_id, request_id, action, department, sub_category,
                                               fiscal_period, new_amount, new_currency)
                        SELECT customer_id, id, :request, :action, department, sub_category, fiscal_period, :amount,
                               currency
                          FROM budget WHERE id = :budget""")
                .bind("request", command.requestId()).bind("action", action).bind("amount", amount)
                .bind("budget", budget.id()).execute();
        return after;
    }

    /** A call that finds its request already past the state it asks for: same amount → replay, else 409. */
    private static UtilizationResult replay(UtilizationCommand command, Request request, MatchedBudget budget,
                                            String asked) {
        requireSameAmount(command, request);
        if (!request.state().equals(asked)) {
            throw new BudgetException.Conflict("request " + command.requestId() + " is " + request.state()
                    + " and cannot be " + asked, Map.of("state", request.state()));
        }
        return new UtilizationResult(command.requestId(), request.state(), true, request.conversion(budget), budget,
                budget.available());
    }

    private static void requireSameAmount(UtilizationCommand command, Request request) {
        boolean differs = command.amount() != null && command.amount().compareTo(request.requestAmount()) != 0
                || command.currency() != null && !command.currency().equals(request.requestCurrency());
        if (differs) {
            throw new BudgetException.Conflict("request " + command.requestId() + " was made for "
                    + request.requestAmount().toPlainString() + " " + request.requestCurrency()
                    + "; a requestId cannot be reused for another amount", Map.of(
                    "amount", request.requestAmount(), "currency", request.requestCurrency()));
        }
    }

    private static Optional<Request> request(Handle h, UtilizationCommand command) {
        return h.createQuery("""
                        SELECT budget_id, state, amount, request_amount, request_currency, fx_rate FROM budget_request
                         WHERE customer_id = :customer AND request_id = :request""")
                .bind("customer", command.target().customerId()).bind("request", command.requestId())
                .map((rs, ctx) -> new Request(rs.getLong("budget_id"), rs.getString("state"),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("request_amount"),
                        rs.getString("request_currency").trim(), rs.getBigDecimal("fx_rate")))
                .findOne();
    }
}
