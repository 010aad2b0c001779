// Health: whether PostgreSQL and Temporal answer, what is scheduled and running (and whether it makes progress),
// each customer's last sync, and the open alerts (docs/operations.md#alerts), each closable once handled.
import * as api from '../api.js';
import { h, errorBox, table, dateTime, act } from '../ui.js';

export async function healthPage({ main }) {
  const error = errorBox('health-error');
  main.append(h('h1', {}, 'Health'), error);
  let report;
  try {
    report = await api.get('/api/sync/health', [503]); // 503 = unhealthy, still with the report
  } catch (e) {
    error.textContent = e.message;
    return;
  }
  const dep = (name, d) => [h('dt', {}, name), h('dd', {}, d.reachable ? h('span', { class: 'ok' }, 'reachable')
    : h('span', { class: 'error' }, `not reachable: ${d.detail}`))];
  main.append(h('dl', { class: 'facts', id: 'health' },
    h('dt', {}, 'Status'), h('dd', {}, report.status),
    dep('PostgreSQL', report.database), dep('Temporal', report.temporal),
    h('dt', {}, 'Scheduled sources'), h('dd', {}, report.scheduledJobs),
    h('dt', {}, 'Runs going now'), h('dd', {}, report.runningJobs),
    h('dt', {}, 'Worker slots in use'), h('dd', {}, report.activitiesRunning),
    h('dt', {}, 'Oldest run going'), h('dd', {}, report.oldestRunningRunSeconds == null ? '–'
      : `${report.oldestRunningRunSeconds} s`)),
  (report.problems || []).length ? h('ul', { class: 'error', id: 'health-problems' },
    report.problems.map(p => h('li', {}, p))) : '',
  (report.stuckActivities || []).length ? table('Activities making no progress', [
    ['Run', a => a.syncId], ['Customer', a => a.customerId], ['Step', a => a.activity],
    ['Attempt', a => a.attempt, 'num'], ['Silent for (s)', a => a.silentSeconds, 'num'],
    ['Progress', a => a.progress ? Object.entries(a.progress).map(([k, v]) => `${v} ${k}`).join(', ') : '']],
  report.stuckActivities) : '',
  (report.runsWithoutWorkflow || []).length ? table('Runs recorded as running without a workflow', [
    ['Run', r => r.syncId], ['Customer', r => r.customerId], ['Started', r => dateTime(r.startTime)],
    ['Workflow', r => r.workflow]], report.runsWithoutWorkflow) : '',
  h('h2', {}, 'Last sync per customer'),
  table('', [['Customer', ([c]) => c], ['Last sync', ([, t]) => dateTime(t)]],
    Object.entries(report.lastSyncTimes || {})));
  const alertsBox = h('section', { id: 'alerts' });
  main.append(h('h2', {}, 'Open alerts'), alertsBox);
  await showAlerts(alertsBox);
}

/** The caller's open alerts (the admin's: every customer's), newest first. */
async function showAlerts(box) {
  const error = errorBox('alerts-error');
  box.replaceChildren(error);
  let page;
  try {
    page = await api.get('/api/alerts?open=true&limit=100');
  } catch (e) {
    error.textContent = e.message;
    return;
  }
  if (page.alerts.length === 0) {
    box.append(h('p', { class: 'note' }, 'No open alerts.'));
    return;
  }
  const close = alert => {
    const button = h('button', { class: 'secondary', 'data-close': alert.id }, 'Close');
    button.onclick = () => act(button, error, async () => {
      await api.post(`/api/alerts/${alert.id}/close`);
      await showAlerts(box);
    });
    return button;
  };
  box.append(table(`${page.total} open`, [
    ['Raised', a => dateTime(a.raisedAt)], ['Customer', a => a.customerId], ['Config', a => a.configId ?? ''],
    ['Alert', a => a.kind], ['What happened', a => a.message],
    ['Run', a => a.syncId ? h('a', { href: `#/runs/${encodeURIComponent(a.syncId)}` }, 'run') : ''],
    ['', close],
  ], page.alerts));
}
