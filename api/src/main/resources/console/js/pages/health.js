// Health: whether PostgreSQL and Temporal answer, what is scheduled and running, each customer's last sync.
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
    h('dt', {}, 'Runs going now'), h('dd', {}, report.runningJobs)),
  h('h2', {}, 'Last sync per customer'),
  table('', [['Customer', ([c]) => c], ['Last sync', ([, t]) => dateTime(t)]],
    Object.entries(report.lastSyncTimes || {})));
}
