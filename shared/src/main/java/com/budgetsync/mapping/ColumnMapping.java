package com.budgetsync.mapping;

import java.util.Map;

/** The mapper's answer for one header: a mapping per field (absent optional fields are null). */
public record ColumnMapping(Layout layout, FieldMapping department, FieldMapping fiscalPeriod, FieldMapping amount,
                           FieldMapping subCategory, FieldMapping currency) {

    public FieldMapping get(TargetField field) {
        return switch (field) {
            case DEPARTMENT -> department;
            case FISCAL_PERIOD -> fiscalPeriod;
            case AMOUNT -> amount;
            case SUB_CATEGORY -> subCategory;
            case CURRENCY -> currency;
        };
    }

    public static ColumnMapping of(Layout layout, Map<TargetField, FieldMapping> fields) {
        return new ColumnMapping(layout, fields.get(TargetField.DEPARTMENT), fields.get(TargetField.FISCAL_PERIOD),
                fields.get(TargetField.AMOUNT), fields.get(TargetField.SUB_CATEGORY), fields.get(TargetField.CURRENCY));
    }
}
