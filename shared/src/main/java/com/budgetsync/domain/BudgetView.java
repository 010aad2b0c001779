package com.budgetsync.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An active budget as the API shows it, with what procurement has committed and reserved against it. */
public record BudgetView(long id, String customerId, String department, String subCategory, String fiscalPeriod,
                         PeriodType periodType, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount,
                         String currency, BigDecimal committed, BigDecimal reserved, BigDecimal available,
                         Long sourceConfigId, String lastSyncId) {
}
