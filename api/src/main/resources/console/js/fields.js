// The budget fields a column can feed, in the order people read them.
export const FIELDS = [
  ['department', 'Department'],
  ['fiscalPeriod', 'Fiscal period'],
  ['amount', 'Amount'],
  ['subCategory', 'Sub-category'],
  ['currency', 'Currency'],
];

export function fieldLabel(name) {
  return (FIELDS.find(([n]) => n === name) || [name, name])[1];
}

/** The mapping as rows {field, column, confidence, reason}; wide fields list their columns. */
export function mappingRows(mapping) {
  return FIELDS.filter(([name]) => mapping && mapping[name]).map(([name, label]) => {
    const m = mapping[name];
    return { field: name, label, column: m.column || (m.columns || []).join(', '), confidence: m.confidence,
      reason: m.reason, alternatives: m.alternatives || [] };
  });
}
