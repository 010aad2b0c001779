// Runs: the history newest first, filtered by config, status and start date, paged; export as CSV.
import * as api from '../api.js';
import { h, errorBox, act, field, table, pager, query, dateTime, duration, number, statusBadge } from '../ui.js';

const STATUSES = ['running', 'success', 'partial', 'failed', 'needs_review', 'skipped', 'no_new_file'];
const PAGE_SIZE = 25;

/** The filters as the API takes them; dates are whole local days, "to" included. */
function apiFilters(customerId, f) {
  const day = d => new Date(d + 'T00:00').toISOString();
  const nextDay = d => { const t = new Date(d + 'T00:00'); t.setDate(t.getDate() + 1); return t.toISOString(); };
  return { customerId, configId: f.configId, status: f.status, from: f.from && day(f.from), to: f.to && nextDay(f.to) };
}

export async function runsPage({ customerId, main }) {
  const f = Object.fromEntries(new URLSearchParams(location.hash.split('?')[1] || ''));
  const offset = Number(f.offset || 0);
  const listError = errorBox('runs-error');
  main.append(h('h1', {}, `Runs of ${customerId}`), listError);

  let configs = [];
  try {
    configs = await api.get('/api/sync/config?' + query({ customerId }));
  } catch (e) {
    listError.textContent = e.message;
  }
  const configName = id => (configs.find(c => c.id === id) || {}).name || (id ? `config ${id}` : '—');

  const configSelect = h('select', { id: 'filter-config', name: 'configId' }, h('option', { value: '' }, 'All sources'),
    configs.map(c => h('option', { value: c.id, selected: String(c.id) === f.configId }, `${c.name} (${c.sourceType})`)));
  const statusSelect = h('select', { id: 'filter-status', name: 'status' }, h('option', { value: '' }, 'Any status'),
    STATUSES.map(s => h('option', { value: s, selected: s === f.status }, s.replaceAll('_', ' '))));
  const from = h('input', { id: 'filter-from', name: 'from', type: 'date', value: f.from || '' });
  const to = h('input', { id: 'filter-to', name: 'to', type: 'date', value: f.to || '' });
  const filters = () => ({ configId: configSelect.value, status: statusSelect.value, from: from.value, to: to.value });
  const exportButton = h('button', { type: 'button', class: 'secondary', id: 'export-csv' }, 'Export CSV');
  const exportError = errorBox('export-error');
  exportButton.addEventListener('click', () => act(exportButton, exportError, () =>
    api.download('/api/sync/history.csv?' + query(apiFilters(customerId, filters())), `${customerId}-sync-history.csv`)));

  main.append(h('form', {
    class: 'filters', 'aria-label': 'Filter runs',
    onsubmit: e => { e.preventDefault(); location.hash = '#/runs?' + query(filters()); },
  }, field('Source', configSelect), field('Status', statusSelect), field('Started from', from), field('to', to),
  h('button', { type: 'submit' }, 'Apply'), exportButton), exportError);

  let page;
  try {
    page = await api.get('/api/sync/history?' + query({ ...apiFilters(customerId, f), limit: PAGE_SIZE, offset }));
  } catch (e) {
    listError.textContent = e.message;
    return;
  }
  const go = o => { location.hash = '#/runs?' + query({ ...filters(), offset: o }); };
  main.append(table(page.total === 0 ? 'No runs match these filters.' : 'Newest first', [
    ['Started', r => h('a', { href: `#/runs/${encodeURIComponent(r.syncId)}` }, dateTime(r.startTime))],
    ['Source', r => configName(r.configId)],
    ['File', r => r.filename || '—'],
    ['Status', r => statusBadge(r.status)],
    ['Rows', r => number(r.stats.totalRows), 'num'],
    ['Created', r => number(r.stats.created), 'num'],
    ['Updated', r => number(r.stats.updated), 'num'],
    ['Deleted', r => number(r.stats.softDeleted), 'num'],
    ['Errors', r => number(r.stats.errors), 'num'],
    ['Took', r => duration(r.durationMs), 'num'],
  ], page.items, { id: 'runs' }), pager(page, go));
}
