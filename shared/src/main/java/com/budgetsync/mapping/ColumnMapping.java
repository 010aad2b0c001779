package com.budgetsync.mapping;

import com.budgetsync.normalize.DecimalMark;
import java.util.Map;

/**
 * The mapper's answer for one header: a mapping per field (absent optional fields are null), and the decimal mark
 * the amount column's sample showed (null when the mapping was made without values: amounts then read the US way).
 */
public record ColumnMapping(Layout layout, FieldMapping department, FieldMapping fiscalPeriod, FieldMapping amount,
                           FieldMapping subCategory, FieldMapping currency, DecimalMark decimalMark) {

    public ColumnMapping(Layout layout, FieldMapping department, FieldMapping fiscalPeriod, FieldMapping amount,
                         FieldMapping subCategory, FieldMapping currency) {
        this(layout, department, fiscalPeriod, amount, subCategory, currency, DecimalMark.UNKNOWN);
    }

    public FieldMapping get(TargetField field) {
        return switch (field) {
            case DEPARTMENT -> department;
            case FISCAL_PERIOD -> fiscalPeriod;
            case AMOUNT -> amount;
            case SUB_CATEGORY -> subCategory;
            case CURRENCY -> currency;
        };
    }

    public DecimalMark decimalMarkOrUnknown() {
        return decimalMark == null ? DecimalMark.UNKNOWN : decimalMark;
    }

    public static ColumnMapping of(Layout layout, Map<TargetField, FieldMapping> fields) {
        return of(layout, fields, DecimalMark.UNKNOWN);
    }

    public static ColumnMapping of(Layout layout, Map<TargetField, FieldMapping> fields, DecimalMark decimalMark) {
        return new ColumnMapping(layout, fields.get(TargetField.DEPARTMENT), fields.get(TargetField.FISCAL_PERIOD),
                fields.get(TargetField.AMOUNT), fields.get(TargetField.SUB_CATEGORY), fields.get(TargetField.CURRENCY),
                decimalMark);
    }
}
