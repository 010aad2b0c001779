// Budgets: a customer's active budgets with what procurement committed and reserved, and what is left.
import * as api from '../api.js';
import { h, errorBox, table, pager, query, number } from '../ui.js';

const PAGE_SIZE = 50;

export async function budgetsPage({ customerId, main }) {
  const error = errorBox('budgets-error');
  const holder = h('div');
  main.append(h('h1', {}, `Budgets of ${customerId}`),
    h('p', { class: 'note' }, 'Available = amount − committed − reserved.'), error, holder);
  const show = async offset => {
    try {
      const page = await api.get('/api/budgets?' + query({ customerId, limit: PAGE_SIZE, offset }));
      holder.replaceChildren(table(page.total === 0 ? 'No active budgets.' : 'Active budgets', [
        ['Department', b => b.department], ['Sub-category', b => b.subCategory || '—'],
        ['Period', b => b.fiscalPeriod], ['Currency', b => b.currency],
        ['Amount', b => number(b.amount), 'num'], ['Committed', b => number(b.committed), 'num'],
        ['Reserved', b => number(b.reserved), 'num'], ['Available', b => number(b.available), 'num'],
      ], page.items, { id: 'budgets' }), pager(page, show));
    } catch (e) {
      error.textContent = e.message;
    }
  };
  await show(0);
}
