// One run: what happened, its numbers, row errors, warnings, the mapping it used, who was told; Retry/Approve.
import * as api from '../api.js';
import { h, nodes, errorBox, act, table, pager, dateTime, duration, number, statusBadge, statsTable } from '../ui.js';
import { mappingRows } from '../fields.js';

const ERRORS_PAGE = 25;
const POLL_MS = 500;

export async function runPage(ctx, syncId) {
  const { main } = ctx;
  const error = errorBox('run-error');
  main.append(h('p', {}, h('a', { href: '#/runs' }, '← All runs')), h('h1', {}, `Run ${syncId}`), error);
  let run;
  try {
    run = await api.get(`/api/sync/history/${encodeURIComponent(syncId)}`);
  } catch (e) {
    error.textContent = e.message;
    return;
  }
  const body = h('div', { id: 'run' });
  main.append(body);
  const progress = h('div', { id: 'run-progress-panel' });
  main.insertBefore(progress, body);
  render(ctx, run, body);
  // A running run shows its progress and refreshes in place until it ends (or the person leaves the page).
  while (run.status === 'running' && location.hash === `#/runs/${encodeURIComponent(syncId)}`) {
    try {
      showProgress(progress, await api.get(`/api/sync/history/${encodeURIComponent(syncId)}/progress`));
      await new Promise(resolve => setTimeout(resolve, POLL_MS));
      run = await api.get(`/api/sync/history/${encodeURIComponent(syncId)}`);
    } catch (e) {
      error.textContent = e.message;
      return;
    }
  }
  progress.replaceChildren();
  render(ctx, run, body);
}

/** The bar fills with the share of the file read (CSV); without one (Excel) it shows the rows read so far. */
function showProgress(holder, p) {
  const bar = h('progress', { id: 'run-progress', max: 100, 'aria-label': 'Share of the file read',
    'data-rows-read': p.rowsRead });
  if (p.percent !== undefined) bar.value = p.percent;
  const rows = p.estimatedRows ? `${number(p.rowsRead)} of about ${number(p.estimatedRows)} rows read`
    : `${number(p.rowsRead)} rows read`;
  const text = p.step === 'starting' ? 'Starting: finding the file, reading its layout and mapping its columns…'
    : `${p.step[0].toUpperCase()}${p.step.slice(1)} — ${rows}${p.percent !== undefined ? ` (${p.percent}%)` : ''}`;
  holder.replaceChildren(h('h2', {}, 'Progress'), bar,
    h('p', { id: 'run-progress-text', 'aria-live': 'polite' }, text));
}

function render({ session }, run, body) {
  const s = run.stats;
  body.replaceChildren(...nodes(
    h('dl', { class: 'facts' },
      h('dt', {}, 'Status'), h('dd', { id: 'run-status' }, statusBadge(run.status)),
      run.message ? [h('dt', {}, 'Message'), h('dd', { id: 'run-message' }, run.message)] : null,
      h('dt', {}, 'File'), h('dd', {}, run.filename || '—'),
      h('dt', {}, 'Source'), h('dd', {}, run.configId ? `config ${run.configId}` : '—'),
      h('dt', {}, 'Started by'), h('dd', {}, run.triggeredBy),
      h('dt', {}, 'Started'), h('dd', {}, dateTime(run.startTime)),
      h('dt', {}, 'Ended'), h('dd', {}, dateTime(run.endTime)),
      h('dt', {}, 'Took'), h('dd', {}, duration(run.durationMs)),
      h('dt', {}, 'Workflow'), h('dd', {}, temporalLink(session, run))),
    actions(run),
    // a run the deletion guard held applied nothing: its planned counts are what approving it applies
    h('h2', {}, run.planned ? 'What this file would change (nothing applied yet)' : 'Numbers'),
    // a running run has counted nothing yet: its zeros would read as "this file changes nothing"
    run.status === 'running' ? h('p', { class: 'note', id: 'run-stats-pending' },
      'The numbers appear when the run ends; the progress above shows how far it is.')
      : statsTable(run.planned || s, 'run-stats'),
    rowErrors(run),
    run.warnings && run.warnings.length
      ? [h('h2', {}, 'Warnings'), h('ul', { id: 'run-warnings' }, run.warnings.map(w => h('li', {}, w)))] : null,
    run.mapping ? [h('h2', {}, 'Mapping used'), table('Which column fed each budget field', [
      ['Field', m => m.label], ['Column', m => m.column], ['Confidence', m => `${Math.round(m.confidence * 100)}%`, 'num'],
      ['Why', m => m.reason],
    ], mappingRows(run.mapping), { id: 'run-mapping' })] : null,
    h('h2', {}, 'Notifications'),
    run.notifications && run.notifications.length
      ? table('', [['Channel', n => n.channel], ['To', n => n.target], ['Status', n => n.status],
        ['Attempts', n => n.attempts, 'num'], ['Last error', n => n.lastError || '']], run.notifications)
      : h('p', { class: 'note' }, 'No one was notified of this run.')));
}

function temporalLink(session, run) {
  if (!run.workflowId) return '—';
  if (!session.temporalWebUrl) return run.workflowId;
  const ns = encodeURIComponent(session.temporalNamespace || 'default');
  const url = `${session.temporalWebUrl}/namespaces/${ns}/workflows/${encodeURIComponent(run.workflowId)}`
    + (run.runId ? `/${encodeURIComponent(run.runId)}/history` : '');
  return h('a', { href: url, target: '_blank', rel: 'noopener', id: 'temporal-link' },
    `${run.workflowId} in Temporal Web UI`);
}

/** Retry and Approve as the API allows them; a mapping to review links to the review page. */
function actions(run) {
  const box = h('div', { class: 'actions' });
  const error = errorBox('action-error');
  const rerun = (label, id, path, hint) => {
    const button = h('button', { type: 'button', id, title: hint }, label);
    button.addEventListener('click', () => act(button, error, async () => {
      const started = await api.post(`/api/sync/history/${encodeURIComponent(run.syncId)}/${path}`);
      location.hash = `#/runs/${encodeURIComponent(started.syncId)}`;
    }));
    return button;
  };
  const mappingReview = run.status === 'needs_review' && (run.message || '').startsWith('mapping needs review');
  if (mappingReview) {
    box.append(h('a', { href: `#/review/${encodeURIComponent(run.syncId)}`, id: 'review-link' }, 'Review the mapping'));
  }
  if (run.status === 'failed' || run.status === 'needs_review') {
    box.append(rerun('Retry', 'retry', 'retry', 'Run the same file again'));
  }
  if (run.status === 'needs_review' && !mappingReview) {
    box.append(h('a', { href: `#/runs/${encodeURIComponent(run.syncId)}/changes`, id: 'changes-link' },
      'See what it would change'));
    box.append(rerun('Approve', 'approve', 'approve', 'Apply this file as it is, deletions included'));
  } else if (run.fileId && run.status !== 'running') {
    box.append(h('a', { href: `#/runs/${encodeURIComponent(run.syncId)}/changes`, id: 'changes-link' },
      'Preview what this file would change now'));
  }
  if (run.stats.errors > 0) {
    const button = h('button', { type: 'button', class: 'secondary', id: 'errors-csv' }, 'Download errors.csv');
    button.addEventListener('click', () => act(button, error, () =>
      api.download(`/api/sync/history/${encodeURIComponent(run.syncId)}/errors.csv`, `${run.syncId}-errors.csv`)));
    box.append(button);
  }
  return [box, error];
}

function rowErrors(run) {
  const errors = run.errors || [];
  if (!errors.length) return null;
  const holder = h('div', { id: 'row-errors' });
  const show = offset => holder.replaceChildren(
    table(errors.length < run.stats.errors ? `The first ${errors.length} of ${run.stats.errors} row errors` : '', [
      ['Row', e => e.row, 'num'], ['Column', e => e.column || ''], ['Value', e => e.value || ''], ['Why', e => e.message],
    ], errors.slice(offset, offset + ERRORS_PAGE)),
    pager({ total: errors.length, limit: ERRORS_PAGE, offset }, show));
  show(0);
  return [h('h2', {}, 'Row errors'), holder];
}
