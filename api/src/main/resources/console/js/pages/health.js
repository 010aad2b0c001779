// Health: whether PostgreSQL and Temporal answer, what is scheduled and running (and whether it makes progress),
// each customer's last sync.
import * as api from '../api.js';
import { h, errorBox, table, dateTime } from '../ui.js';

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
}
