// A file's first rows as a grid, with the budget field each column feeds shown above its header.
import { h } from './ui.js';
import { fieldLabel } from './fields.js';

/** @param fieldOf column header → field name (or undefined when the column is not imported) */
export function fileGrid(headers, rows, fieldOf) {
  return h('div', { class: 'grid-wrap' }, h('table', { class: 'grid', id: 'file-grid' },
    h('caption', { class: 'note', style: 'text-align:left' }, `The file's first ${rows.length} rows`),
    h('thead', {}, h('tr', {}, headers.map(header => {
      const field = fieldOf(header);
      return h('th', { scope: 'col', 'data-column': header },
        h('span', { class: field ? 'field' : 'field none' }, field ? fieldLabel(field) : 'not imported'), header);
    }))),
    h('tbody', {}, rows.map(row => h('tr', {}, headers.map((_, i) => h('td', {}, row[i] ?? '')))))));
}

/** Column → field from a preview's mapping (wide layouts map many columns to the period and amount). */
export function fieldsByColumn(mapping) {
  const byColumn = {};
  for (const [field, m] of Object.entries(mapping || {})) {
    if (!m) continue;
    if (m.column) byColumn[m.column] = field;
    for (const c of m.columns || []) byColumn[c] = byColumn[c] || 'amount';
  }
  return byColumn;
}
