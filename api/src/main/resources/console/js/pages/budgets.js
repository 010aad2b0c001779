// Budgets: a customer's budgets with what procurement committed and reserved, and what is left; a budget's history.
import * as api from '../api.js';
import { h, errorBox, field, table, pager, query, number, dateTime } from '../ui.js';

const PAGE_SIZE = 50;

export async function budgetsPage({ customerId, main }) {
  const error = errorBox('budgets-error');
  const holder = h('div');
  const trail = h('div', { id: 'budget-audit' });
  const department = h('input', { id: 'filter-department', type: 'search' });
  const period = h('input', { id: 'filter-period', type: 'search' });
  const deleted = h('input', { id: 'filter-deleted', type: 'checkbox' });
  main.append(h('h1', {}, `Budgets of ${customerId}`),
    h('form', { class: 'filters', 'aria-label': 'Filter budgets', onsubmit: e => { e.preventDefault(); show(0); } },
      field('Department contains', department), field('Period contains', period),
      h('div', {}, h('label', { for: 'filter-deleted' }, deleted, ' Include soft-deleted')),
      h('button', { type: 'submit' }, 'Search')),
    h('p', { class: 'note' }, 'Available = amount − committed − reserved.'), error, holder, trail);

  const show = async offset => {
    error.textContent = '';
    try {
      const page = await api.get('/api/budgets?' + query({ customerId, department: department.value,
        period: period.value, deleted: deleted.checked || '', limit: PAGE_SIZE, offset }));
      holder.replaceChildren(table(page.total === 0 ? 'No budgets match.' : `${number(page.total)} budgets`, [
        ['Department', b => b.department], ['Sub-category', b => b.subCategory || '—'],
        ['Period', b => b.fiscalPeriod], ['Currency', b => b.currency],
        ['Amount', b => number(b.amount), 'num'], ['Committed', b => number(b.committed), 'num'],
        ['Reserved', b => number(b.reserved), 'num'], ['Available', b => number(b.available), 'num'],
        ['', b => (b.deletedAt ? `deleted ${dateTime(b.deletedAt)}` : '')],
        ['', b => h('button', { type: 'button', class: 'secondary', 'data-audit': b.id,
          onclick: () => showTrail(b, trail) }, 'History')],
      ], page.budgets, { id: 'budgets' }), pager(page, show));
    } catch (e) {
      error.textContent = e.message;
    }
  };
  await show(0);
}

async function showTrail(budget, trail) {
  const error = errorBox('audit-error');
  const title = `History of ${budget.department}${budget.subCategory ? ' / ' + budget.subCategory : ''}, ${budget.fiscalPeriod}`;
  trail.replaceChildren(h('h2', { tabindex: '-1' }, title), error);
  trail.firstChild.focus();
  try {
    const { entries } = await api.get(`/api/budgets/${budget.id}/audit`);
    trail.append(table(entries.length ? 'Newest first' : 'No changes recorded.', [
      ['When', e => dateTime(e.at)], ['What', e => e.action],
      ['Old amount', e => number(e.oldAmount), 'num'], ['New amount', e => number(e.newAmount), 'num'],
      ['By', e => (e.syncId ? h('a', { href: `#/runs/${encodeURIComponent(e.syncId)}` }, 'import run') : e.requestId || '—')],
    ], entries, { id: 'audit' }));
  } catch (e) {
    error.textContent = e.message;
  }
}
