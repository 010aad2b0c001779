package com.budgetsync.api.views;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of PUT /api/fx-rates: 1 {@code from} = {@code rate} {@code to}, in force from {@code validFrom}. */
public record FxRatesRequest(@NotEmpty List<@Valid @NotNull Rate> rates) {
    public record Rate(@NotBlank String from, @NotBlank String to, @NotNull LocalDate validFrom,
                       @NotNull @Positive BigDecimal rate) {
    }
}
