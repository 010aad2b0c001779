package com.budgetsync.api.budget;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Dated exchange rates ({@code fx_rate}). A rate is in force from its date until the pair's next rate. A missing rate
 * is an error the caller sees (422), never a silent 1:1.
 */
public final class FxRates {
    /** Budget amounts have 4 decimals ({@code numeric(19, 4)}); converted amounts round half-even to them. */
    private static final int AMOUNT_SCALE = 4;

    public record Rate(String from, String to, LocalDate validFrom, BigDecimal rate) {
    }

    private final Jdbi jdbi;

    public FxRates(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Saves rates; a rate for a pair and date that already exists is replaced. */
    public void save(List<Rate> rates) {
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO fx_rate (from_currency, to_currency, valid_from, rate) VALUES (:from, :to, :validFrom, :rate)
                    ON CONFLICT (from_currency, to_currency, valid_from) DO UPDATE SET rate = EXCLUDED.rate""");
            rates.forEach(r -> batch.bind("from", r.from()).bind("to", r.to()).bind("validFrom", r.validFrom())
                    .bind("rate", r.rate()).add());
            batch.execute();
        });
    }

    /** {@code amount} of {@code from} in {@code to} at the rate in force on {@code date}. */
    static Conversion convert(Handle h, BigDecimal amount, String from, String to, LocalDate date) {
        if (from.equals(to)) {
            return Conversion.none(amount, from);
        }
        Rate rate = inForce(h, from, to, date)
                .or(() -> inForce(h, to, from, date).map(inverse -> new Rate(from, to, inverse.validFrom(),
                        BigDecimal.ONE.divide(inverse.rate(), MathContext.DECIMAL64))))
                .orElseThrow(() -> new BudgetException.NoFxRate("no exchange rate from " + from + " to " + to + " on "
                        + date + "; add one with PUT /api/fx-rates", Map.of("from", from, "to", to, "date", date.toString())));
        return new Conversion(amount, from, amount.multiply(rate.rate()).setScale(AMOUNT_SCALE, RoundingMode.HALF_EVEN),
                to, rate.rate().stripTrailingZeros(), rate.validFrom());
    }

    private static Optional<Rate> inForce(Handle h, String from, String to, LocalDate date) {
        return h.createQuery("""
                        SELECT valid_from, rate FROM fx_rate
                         WHERE from_currency = :from AND to_currency = :to AND valid_from <= :date
                         ORDER BY valid_from DESC LIMIT 1""")
                .bind("from", from).bind("to", to).bind("date", date)
                .map((rs, ctx) -> new Rate(from, to, rs.getDate("valid_from").toLocalDate(), rs.getBigDecimal("rate")))
                .findOne();
    }
}
