package com.budgetsync.normalize;

import java.math.BigDecimal;

/** An amount read from a cell, with the currency its symbol or code named ({@code null} when it named none). */
public record ParsedAmount(BigDecimal value, String currency) {
}
