package com.budgetsync.api.budget;

import com.budgetsync.alerts.BudgetThresholds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The only writer of {@code budget_utilization}. Each call is keyed by the caller's {@code requestId}
 * ({@code budget_request}) and moves through reserved (pending) → committed (approved), or reserved → released:
 * <ul>
 *   <li>reserve: holds the amount ({@code reserved += amount}), spread over the budgets a rolled-up answer drew on
 *       ({@link Spread}); beyond available, the policy decides ({@link Policy});</li>
 *   <li>commit: moves the request's reservation to committed; with no reservation it commits directly
 *       ({@code committed += amount}, the policy as for reserve);</li>
 *   <li>release: frees a reservation ({@code reserved -= amount}); a committed request cannot be released.</li>
 * </ul>
 * A call that repeats the request's current state is a replay: it changes nothing and answers {@code replayed}.
 * The same requestId with another amount or currency, or a move the state does not allow, is a 409. Every call takes
 * its budgets' row locks first (in id order), and all of a request's shares move in one transaction, so concurrent
 * calls on one budget run one after another and a hard budget's available never goes below zero. Alerts raised on
 * the way (thresholds, notify policy) are handed to {@code deliverAlert} once the transaction has committed.
 */
public final class Utilization {
    private static final String RESERVED = "reserved";
    private static final String COMMITTED = "committed";
    private static final String RELEASED = "released";

    private final Jdbi jdbi;
    private final LongConsumer deliverAlert;

    public Utilization(Jdbi jdbi) {
        this(jdbi, alertId -> { });
    }

    public Utilization(Jdbi jdbi, LongConsumer deliverAlert) {
        this.jdbi = jdbi;
        this.deliverAlert = deliverAlert;
    }

    private record Request(String state, BigDecimal amount, BigDecimal requestAmount, String requestCurrency,
                           BigDecimal fxRate, boolean overBudget, List<Spread.Share> shares) {
        Conversion conversion(String currency) {
            return fxRate == null ? Conversion.none(amount, currency)
                    : new Conversion(requestAmount, requestCurrency, amount, currency, fxRate, null);
        }

        List<Long> budgetIds() {
            return shares.stream().map(Spread.Share::budgetId).toList();
        }
    }

    /** A call's work inside its transaction; {@code raised} collects the alerts to deliver after it. */
    private interface Work {
        UtilizationResult apply(Handle h, List<Long> raised);
    }

    public UtilizationResult reserve(UtilizationCommand command) {
        return run((h, raised) -> {
            Optional<Request> existing = request(h, command);
            if (existing.isPresent()) {
                return replay(h, command, RESERVED);
            }
            return holdNew(h, command, RESERVED, "reserve", raised);
        });
    }

    public UtilizationResult commit(UtilizationCommand command) {
        return run((h, raised) -> {
            Optional<Request> existing = request(h, command);
            if (existing.isEmpty()) {
                return holdNew(h, command, COMMITTED, "commit", raised);
            }
            List<MatchedBudget> budgets = lock(h, command, existing.get().budgetIds());
            Request request = request(h, command).orElseThrow();
            if (!request.state().equals(RESERVED)) {
                return replay(h, command, COMMITTED);
            }
            requireSameAmount(command, request);
            return moveAll(h, command, request, budgets, true, COMMITTED, "commit", raised);
        });
    }

    public UtilizationResult release(UtilizationCommand command) {
        return run((h, raised) -> {
            Request existing = request(h, command).orElseThrow(() -> new BudgetException.NotFound("request "
                    + command.requestId() + " has no reservation to release", null));
            List<MatchedBudget> budgets = lock(h, command, existing.budgetIds());
            Request request = request(h, command).orElseThrow();
            if (!request.state().equals(RESERVED)) {
                return replay(h, command, RELEASED);
            }
            requireSameAmount(command, request);
            return moveAll(h, command, request, budgets, false, RELEASED, "release", raised);
        });
    }

    private UtilizationResult run(Work work) {
        List<Long> raised = new ArrayList<>();
        UtilizationResult result = jdbi.inTransaction(h -> work.apply(h, raised));
        raised.forEach(deliverAlert::accept);
        return result;
    }

    /**
     * A request seen for the first time: its budgets are found, locked, and the request read again under the locks
     * (a concurrent first call of the same requestId made it meanwhile: then this call is its replay).
     */
    private static UtilizationResult holdNew(Handle h, UtilizationCommand command, String state, String action,
                                             List<Long> raised) {
        if (command.target().department() == null || command.amount() == null || command.currency() == null) {
            throw new BudgetException.Invalid("department, amount and currency are required for a new request");
        }
        Draw found = BudgetFinder.find(h, command.target()).orElseThrow(() -> new BudgetException.NotFound(
                "no active budget for " + BudgetChecker.describe(command.target()),
                Map.of("status", CheckResult.Status.NO_BUDGET)));
        Draw draw = new Draw(found.rules(), found.basis(),
                lock(h, command, found.budgets().stream().map(MatchedBudget::id).toList()));
        if (request(h, command).isPresent()) {
            return replay(h, command, state);
        }
        Conversion conversion = FxRates.convert(h, command.amount(), command.currency(), draw.currency(),
                command.target().rateDate());
        BigDecimal amount = conversion.amount();
        Policy policy = command.enforce() ? Policy.HARD : draw.policy();
        boolean over = amount.compareTo(draw.available()) > 0;
        if (over) {
            refuseUnlessAllowed(command, draw, amount, policy);
        }
        List<Spread.Share> shares = Spread.proportional(amount, draw.budgets());
        h.createUpdate("""
                        INSERT INTO budget_request (customer_id, request_id, budget_id, state, amount, request_amount,
                                                    request_currency, fx_rate, over_budget)
                        VALUES (:customer, :request, :budget, :state, :amount, :requestAmount, :currency, :rate, :over)""")
                .bind("customer", command.target().customerId()).bind("request", command.requestId())
                .bind("budget", shares.get(0).budgetId()).bind("state", state).bind("amount", amount)
                .bind("requestAmount", command.amount()).bind("currency", command.currency())
                .bind("rate", conversion.rate()).bind("over", over).execute();
        for (Spread.Share share : shares) {
            h.createUpdate("""
                            INSERT INTO budget_request_share (customer_id, request_id, budget_id, amount)
                            VALUES (:customer, :request, :budget, :amount)""")
                    .bind("customer", command.target().customerId()).bind("request", command.requestId())
                    .bind("budget", share.budgetId()).bind("amount", share.amount()).execute();
        }
        if (over && policy == Policy.NOTIFY) {
            BudgetAlerts.overBudget(h, command.target().customerId(), command.requestId(), draw, amount, raised);
        }
        Request request = new Request(state, amount, command.amount(), command.currency(), conversion.rate(), over,
                shares);
        boolean commit = state.equals(COMMITTED);
        List<MatchedBudget> after = new ArrayList<>();
        for (Spread.Share share : shares) {
            MatchedBudget budget = draw.budgets().stream().filter(b -> b.id() == share.budgetId()).findFirst()
                    .orElseThrow();
            after.add(move(h, command, budget, commit ? share.amount() : BigDecimal.ZERO,
                    commit ? BigDecimal.ZERO : share.amount(), action, share.amount(), raised));
        }
        setState(h, command, state);
        return result(command, request, new Draw(draw.rules(), draw.basis(), after), false, policy);
    }

    /** Hard: refused with the available amount. Soft: refused until the caller says why (then audited). */
    private static void refuseUnlessAllowed(UtilizationCommand command, Draw draw, BigDecimal amount, Policy policy) {
        String figures = amount.toPlainString() + " " + draw.currency() + " requested, "
                + draw.available().toPlainString() + " available";
        Map<String, Object> details = Map.of("available", draw.available(), "currency", draw.currency(),
                "requested", amount, "policy", policy, "overBudget", true);
        if (policy == Policy.HARD) {
            throw new BudgetException.OverBudget("over budget: " + figures, details);
        }
        if (policy == Policy.SOFT && (command.overrideReason() == null || command.overrideReason().isBlank())) {
            throw new BudgetException.OverBudget("over budget: " + figures + "; this budget allows going over "
                    + "(policy soft) when the request gives an overrideReason saying why", details);
        }
    }

    /** Moves every share of an existing reservation: to committed, or released. */
    private static UtilizationResult moveAll(Handle h, UtilizationCommand command, Request request,
                                             List<MatchedBudget> budgets, boolean commit, String state,
                                             String action, List<Long> raised) {
        BudgetRules rules = BudgetFinder.rules(h, command.target().customerId());
        List<MatchedBudget> after = new ArrayList<>();
        for (Spread.Share share : request.shares()) {
            MatchedBudget budget = budgets.stream().filter(b -> b.id() == share.budgetId()).findFirst().orElseThrow();
            after.add(move(h, command, budget, commit ? share.amount() : BigDecimal.ZERO, share.amount().negate(),
                    action, share.amount(), raised));
        }
        setState(h, command, state);
        Draw draw = new Draw(rules, null, after);
        return result(command, new Request(state, request.amount(), request.requestAmount(),
                request.requestCurrency(), request.fxRate(), request.overBudget(), request.shares()), draw, false,
                command.enforce() ? Policy.HARD : draw.policy());
    }

    private static List<MatchedBudget> lock(Handle h, UtilizationCommand command, List<Long> budgetIds) {
        return BudgetFinder.lock(h, command.target().customerId(), budgetIds).orElseThrow(() ->
                new BudgetException.Conflict("a budget of this request is no longer active (a sync removed it)",
                        Map.of("budgetIds", budgetIds)));
    }

    private static void setState(Handle h, UtilizationCommand command, String state) {
        h.createUpdate("""
                        UPDATE budget_request SET state = :state, updated_at = now()
                         WHERE customer_id = :customer AND request_id = :request""")
                .bind("state", state).bind("customer", command.target().customerId())
                .bind("request", command.requestId()).execute();
    }

    /** Applies one budget's change of utilization with its audit row (who, and why when given); checks thresholds. */
    private static MatchedBudget move(Handle h, UtilizationCommand command, MatchedBudget budget,
                                      BigDecimal committedDelta, BigDecimal reservedDelta, String action,
                                      BigDecimal amount, List<Long> raised) {
        MatchedBudget after = h.createQuery("""
                        INSERT INTO budget_utilization AS u (budget_id, committed, reserved)
                        VALUES (:budget, :committed, :reserved)
                        ON CONFLICT (budget_id) DO UPDATE
                           SET committed = u.committed + EXCLUDED.committed, reserved = u.reserved + EXCLUDED.reserved,
                               updated_at = now()
                        RETURNING committed, reserved""")
                .bind("budget", budget.id()).bind("committed", committedDelta).bind("reserved", reservedDelta)
                .map((rs, ctx) -> budget.withUtilization(rs.getBigDecimal("committed"), rs.getBigDecimal("reserved")))
                .one();
        h.createUpdate("""
                        INSERT INTO audit_log (customer_id, budget_id, request_id, action, department, sub_category,
                                               fiscal_period, new_amount, new_currency, actor, reason)
                        SELECT customer_id, id, :request, :action, department, sub_category, fiscal_period, :amount,
                               currency, :actor, :reason
                          FROM budget WHERE id = :budget""")
                .bind("request", command.requestId()).bind("action", action).bind("amount", amount)
                .bind("budget", budget.id()).bind("actor", command.actor())
                .bind("reason", blankToNull(command.overrideReason())).execute();
        raised.addAll(BudgetThresholds.check(h, command.target().customerId(), List.of(budget.id()), null));
        return after;
    }

    /** A call that finds its request already made: same amount and the state asked for → replay, else 409. */
    private static UtilizationResult replay(Handle h, UtilizationCommand command, String asked) {
        Request request = request(h, command).orElseThrow();
        requireSameAmount(command, request);
        if (!request.state().equals(asked)) {
            throw new BudgetException.Conflict("request " + command.requestId() + " is " + request.state()
                    + " and cannot be " + asked, Map.of("state", request.state()));
        }
        BudgetRules rules = BudgetFinder.rules(h, command.target().customerId());
        Draw draw = new Draw(rules, null, lock(h, command, request.budgetIds()));
        return result(command, request, draw, true, command.enforce() ? Policy.HARD : draw.policy());
    }

    private static UtilizationResult result(UtilizationCommand command, Request request, Draw draw,
                                            boolean replayed, Policy policy) {
        return new UtilizationResult(command.requestId(), request.state(), replayed,
                request.conversion(draw.currency()), draw.single(), draw.available(), draw.budgets(),
                request.shares(), draw.basis(), policy, request.overBudget(), draw.rules().availableSubtracts(),
                draw.availableAfterApproved(), draw.availableAfterPending());
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
                        SELECT r.state, r.amount, r.request_amount, r.request_currency, r.fx_rate, r.over_budget,
                               array_agg(s.budget_id ORDER BY s.amount DESC, s.budget_id) AS budgets,
                               array_agg(s.amount ORDER BY s.amount DESC, s.budget_id) AS shares
                          FROM budget_request r
                          JOIN budget_request_share s USING (customer_id, request_id)
                         WHERE r.customer_id = :customer AND r.request_id = :request
                         GROUP BY r.customer_id, r.request_id""")
                .bind("customer", command.target().customerId()).bind("request", command.requestId())
                .map((rs, ctx) -> {
                    Long[] budgets = (Long[]) rs.getArray("budgets").getArray();
                    BigDecimal[] amounts = (BigDecimal[]) rs.getArray("shares").getArray();
                    List<Spread.Share> shares = new ArrayList<>();
                    for (int i = 0; i < budgets.length; i++) {
                        shares.add(new Spread.Share(budgets[i], amounts[i]));
                    }
                    return new Request(rs.getString("state"), rs.getBigDecimal("amount"),
                            rs.getBigDecimal("request_amount"), rs.getString("request_currency").trim(),
                            rs.getBigDecimal("fx_rate"), rs.getBoolean("over_budget"), shares);
                })
                .findOne();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
