// Small DOM helpers: every text goes in as text (never as HTML), so file contents cannot inject markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  el.append(...nodes(children));
  return el;
}

/** Children as the DOM takes them: nested lists flattened, null/undefined/false left out, the rest as text. */
export function nodes(...children) {
  return children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false)
    .map(c => (c instanceof Node ? c : String(c)));
}

/** Where an action's error shows, right beside the action. */
export function errorBox(id) {
  return h('p', { class: 'error', role: 'alert', id });
}

/** Runs an action from a button: disabled meanwhile, its error (or nothing) shown in errorEl. */
export async function act(button, errorEl, action) {
  button.disabled = true;
  errorEl.textContent = '';
  try {
    return await action();
  } catch (e) {
    errorEl.textContent = e.message;
    return undefined;
  } finally {
    button.disabled = false;
  }
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) : '—';
}

export function duration(ms) {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function number(n) {
  return n === null || n === undefined ? '—' : Number(n).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function statusBadge(status) {
  return h('span', { class: `status status-${status}` }, status.replaceAll('_', ' '));
}

/** A query string from the non-empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
  return q.toString();
}

/** A table: columns are [heading, (row) => cell, 'num'?]. */
export function table(caption, columns, rows, attrs = {}) {
  return h('table', attrs,
    h('caption', { class: 'note', style: 'text-align:left' }, caption),
    h('thead', {}, h('tr', {}, columns.map(([title, , kind]) => h('th', { scope: 'col', class: kind }, title)))),
    h('tbody', {}, rows.map(row => h('tr', {}, columns.map(([, cell, kind]) => h('td', { class: kind }, cell(row)))))));
}

/** A run's counts (SyncStats) in one row, as the run page and the change preview show them. */
export function statsTable(s, id) {
  return table('', [
    ['Rows read', () => number(s.totalRows), 'num'], ['Created', () => number(s.created), 'num'],
    ['Updated', () => number(s.updated), 'num'], ['Unchanged', () => number(s.unchanged), 'num'],
    ['Soft-deleted', () => number(s.softDeleted), 'num'], ['Restored', () => number(s.restored), 'num'],
    ['Row errors', () => number(s.errors), 'num'], ['Skipped rows', () => number(s.skipped), 'num'],
  ], [s], { id });
}

/** "Previous / Next" over an API page {total, limit, offset}. */
export function pager(page, go) {
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = Math.min(page.offset + page.limit, page.total);
  return h('div', { class: 'pager' },
    h('button', { class: 'secondary', disabled: page.offset === 0, onclick: () => go(Math.max(0, page.offset - page.limit)) },
      'Previous'),
    h('span', { 'aria-live': 'polite' }, `${first}–${last} of ${page.total}`),
    h('button', { class: 'secondary', disabled: last >= page.total, onclick: () => go(page.offset + page.limit) },
      'Next'));
}

export function field(labelText, input) {
  const id = input.id || ('f-' + Math.random().toString(36).slice(2));
  input.id = id;
  return h('div', {}, h('label', { for: id }, labelText), input);
}
