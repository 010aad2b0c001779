package com.budgetsync.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A fiscal period in canonical form ({@code FY2025}, {@code FY2025-Q1}, {@code 2025-01}) with the calendar dates it
 * covers under the customer's fiscal-year start month, and the text the file held. Dates travel as ISO strings
 * ("2025-01-01"), whatever the JSON mapper's date settings.
 */
public record FiscalPeriod(String canonical, PeriodType type,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate start,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate end,
                           String original) {
    public FiscalPeriod {
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
