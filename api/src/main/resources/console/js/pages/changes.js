// What a run's file would change, from a dry run that writes nothing: counts, a browsable sample of each kind of
// change with old and new amounts, then Approve (a run held by the deletion guard) or discard.
import * as api from '../api.js';
import { h, nodes, errorBox, act, table, pager, number, statusBadge, statsTable } from '../ui.js';

const KINDS = [
  ['created', 'Created'], ['updated', 'Updated'], ['unchanged', 'Unchanged'], ['softDeleted', 'Soft-deleted'],
  ['restored', 'Restored'],
];
const SAMPLE_PAGE = 10;
const OUTCOME = {
  success: 'Importing this file would succeed.',
  partial: 'Importing this file would succeed, with some rows rejected.',
  needs_review: 'This file needs a person to decide before it is imported.',
  failed: 'Importing this file would fail; nothing would change.',
};

export async function changesPage({ main }, syncId) {
  const runLink = `#/runs/${encodeURIComponent(syncId)}`;
  const error = errorBox('changes-error');
  const waiting = h('p', { id: 'changes-waiting', role: 'status' },
    'Reading the file and comparing it with the budgets. Nothing is written…');
  main.append(h('p', {}, h('a', { href: runLink }, '← The run')), h('h1', {}, 'What this file would change'),
    error, waiting);
  let run;
  let preview;
  try {
    [run, preview] = await Promise.all([
      api.get(`/api/sync/history/${encodeURIComponent(syncId)}`),
      api.post(`/api/sync/history/${encodeURIComponent(syncId)}/dry-run`),
    ]);
  } catch (e) {
    error.textContent = e.message;
    return;
  } finally {
    waiting.remove();
  }
  const s = preview.stats;
  const samples = h('div', { id: 'change-samples' });
  main.append(...nodes(
    h('dl', { class: 'facts' },
      h('dt', {}, 'File'), h('dd', {}, preview.filename),
      h('dt', {}, 'Would end'), h('dd', { id: 'preview-outcome' }, statusBadge(preview.outcome), ' ',
        OUTCOME[preview.outcome] || ''),
      h('dt', {}, 'Why'), h('dd', { id: 'preview-message' }, preview.message)),
    h('p', { class: 'note' },
      'Counted from the whole file against the budgets as they are now; nothing has been written.'),
    statsTable(s, 'preview-counts'),
    preview.warnings.length ? [h('h2', {}, 'Warnings'), h('ul', {}, preview.warnings.map(w => h('li', {}, w)))] : null,
    h('h2', {}, 'Budgets it would change'),
    kindTabs(preview, samples),
    samples,
    decision(run, runLink)));
}

/** One button per kind of change with its count; the chosen kind's sample shows below, a page at a time. */
function kindTabs(preview, holder) {
  const counts = { created: preview.stats.created, updated: preview.stats.updated,
    unchanged: preview.stats.unchanged, softDeleted: preview.stats.softDeleted, restored: preview.stats.restored };
  const bar = h('div', { class: 'actions', role: 'group', 'aria-label': 'Kind of change' });
  const buttons = KINDS.map(([kind, label]) => h('button', {
    type: 'button', class: 'secondary choice', id: `kind-${kind}`, 'aria-pressed': 'false',
    onclick: () => choose(kind),
  }, `${label} (${number(counts[kind])})`));
  const choose = kind => {
    buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(KINDS[i][0] === kind)));
    const rows = preview.samples[kind];
    const label = KINDS.find(([k]) => k === kind)[1].toLowerCase();
    const show = offset => holder.replaceChildren(...nodes(
      rows.length === 0 ? h('p', { class: 'note' }, `No budget would be ${label}.`) : [
        table(rows.length < counts[kind] ? `The first ${rows.length} of ${number(counts[kind])}, in file order`
          : `All ${rows.length}`, [
          ['Row', c => (c.row === null || c.row === undefined ? '—' : c.row), 'num'],
          ['Department', c => c.department], ['Sub-category', c => c.subCategory || ''],
          ['Period', c => c.fiscalPeriod],
          ['Old amount', c => money(c.oldAmount, c.oldCurrency), 'num'],
          ['New amount', c => money(c.newAmount, c.newCurrency), 'num'],
        ], rows.slice(offset, offset + SAMPLE_PAGE), { id: 'sample-table' }),
        rows.length > SAMPLE_PAGE ? pager({ total: rows.length, limit: SAMPLE_PAGE, offset }, show) : null,
      ]));
    show(0);
  };
  bar.append(...buttons);
  const first = KINDS.find(([kind]) => counts[kind] > 0 && kind !== 'unchanged') || KINDS[0];
  choose(first[0]);
  return bar;
}

function money(amount, currency) {
  return amount === null || amount === undefined ? '—' : `${number(amount)} ${currency || ''}`.trim();
}

/** Approve applies a held run's file as it is; discarding leaves everything as it was. */
function decision(run, runLink) {
  const error = errorBox('decision-error');
  const box = h('div', { class: 'actions' });
  const held = run.status === 'needs_review' && !(run.message || '').startsWith('mapping needs review');
  if (held) {
    const approve = h('button', { type: 'button', id: 'approve' }, 'Approve and import');
    approve.addEventListener('click', () => act(approve, error, async () => {
      const started = await api.post(`/api/sync/history/${encodeURIComponent(run.syncId)}/approve`);
      location.hash = `#/runs/${encodeURIComponent(started.syncId)}`;
    }));
    box.append(approve);
  }
  box.append(h('a', { href: runLink, id: 'discard' },
    held ? 'Discard: leave the budgets as they are' : 'Back to the run'));
  return [h('h2', {}, 'Decide'), box, error];
}
