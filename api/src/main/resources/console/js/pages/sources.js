// Sources: a customer's configs with how they are doing; a form per source type; Test connection and key pinning.
import * as api from '../api.js';
import { h, nodes, errorBox, act, field, table, query, dateTime, statusBadge } from '../ui.js';

const MASK = '********';
/** Per source type: [key, label, kind] where kind is text | number | secret | textarea. */
const SOURCE_FIELDS = {
  sftp: [['host', 'Host', 'text'], ['port', 'Port', 'number'], ['username', 'User name', 'text'],
    ['password', 'Password', 'secret'], ['privateKey', 'Private key (OpenSSH or PEM)', 'secret-textarea'],
    ['passphrase', 'Key passphrase', 'secret'], ['remotePath', 'Folder', 'text'],
    ['filePattern', 'File pattern', 'text'], ['hostKeyFingerprint', 'Pinned host key (SHA256:…)', 'text']],
  s3: [['bucketName', 'Bucket', 'text'], ['prefix', 'Prefix', 'text'], ['region', 'Region', 'text'],
    ['endpoint', 'Endpoint (S3-compatible stores)', 'text'], ['accessKeyId', 'Access key id', 'text'],
    ['secretAccessKey', 'Secret access key', 'secret'], ['filePattern', 'File pattern', 'text']],
  https: [['url', 'Link to the export', 'text'], ['bearerToken', 'Bearer token', 'secret']],
  upload: [],
  local: [['directory', 'Folder on the server', 'text'], ['filePattern', 'File pattern', 'text']],
};
const FREQUENCIES = ['manual', 'hourly', 'every_4_hours', 'daily'];

export async function sourcesPage({ customerId, session, main }) {
  const error = errorBox('sources-error');
  const list = h('div', { id: 'sources-list' });
  const editor = h('div', { id: 'source-editor' });
  const newButton = h('button', { type: 'button', id: 'new-source' }, 'Add a source');
  main.append(h('h1', {}, `Sources of ${customerId}`), error, list, h('div', { class: 'actions' }, newButton), editor);

  const refresh = async () => {
    try {
      const [{ configs }, statuses] = await Promise.all([api.get('/api/sync/config?' + query({ customerId })),
        api.get('/api/sync/sources?' + query({ customerId }))]);
      const status = id => statuses.find(s => s.configId === id) || {};
      list.replaceChildren(table(configs.length ? '' : 'No sources yet.', [
        ['Name', c => c.name], ['Type', c => c.sourceType], ['Enabled', c => (c.enabled ? 'yes' : 'no')],
        ['Schedule', c => `${c.frequency} (${c.timezone})`],
        ['Last run', c => (status(c.id).lastSyncId
          ? h('a', { href: `#/runs/${status(c.id).lastSyncId}` }, statusBadge(status(c.id).lastStatus), ' ',
            dateTime(status(c.id).lastStartTime)) : 'never')],
        ['Next run', c => dateTime(c.nextSyncAt)],
        ['Failures in a row', c => status(c.id).failureStreak ?? 0, 'num'],
        ['', c => h('button', { type: 'button', class: 'secondary', 'data-edit': c.id,
          onclick: () => edit(c) }, `Edit ${c.name}`)],
      ], configs, { id: 'sources' }));
    } catch (e) {
      error.textContent = e.message;
    }
  };
  const edit = config => editor.replaceChildren(...nodes(sourceForm(customerId, session, config, async saved => {
    await refresh();
    edit(saved);
  })));
  newButton.addEventListener('click', () => edit(null));
  await refresh();
}

/** The create/edit form; secrets are write-only: shown as set / not set, sent only when typed. */
function sourceForm(customerId, session, config, saved) {
  const typeSelect = h('select', { id: 'source-type' }, Object.keys(SOURCE_FIELDS)
    .filter(t => t !== 'local' || session.admin)
    .map(t => h('option', { value: t, selected: config && config.sourceType === t }, t)));
  const name = h('input', { id: 'source-name', value: config ? config.name : '', required: true });
  const enabled = h('input', { id: 'source-enabled', type: 'checkbox', checked: !config || config.enabled });
  const frequency = h('input', { id: 'source-frequency', value: config ? config.frequency : 'every_4_hours',
    list: 'frequencies', 'aria-describedby': 'frequency-help' });
  const timezone = h('input', { id: 'source-timezone', value: config ? config.timezone : 'UTC' });
  const options = (config && config.options) || {};
  const opt = (id, value, attrs = {}) => h('input', { id, value: value ?? '', ...attrs });
  const threshold = opt('opt-threshold', options.mappingThreshold, { type: 'number', step: '0.05', min: 0, max: 1 });
  const guard = opt('opt-guard', options.deletionGuard, { type: 'number', step: '0.05', min: 0, max: 1 });
  const errorShare = opt('opt-errors', options.errorThreshold, { type: 'number', step: '0.01', min: 0, max: 1 });
  const duplicates = h('select', { id: 'opt-duplicates' }, ['sum', 'error'].map(v =>
    h('option', { value: v, selected: options.duplicates === v }, v === 'sum' ? 'add them up' : 'reject the file')));
  const emails = opt('opt-emails', (options.notifyEmails || []).join(', '));
  // Stored webhooks come back masked (their URL is a credential); a masked line sent back keeps the stored URL.
  const webhooks = h('textarea', { id: 'opt-webhooks', rows: 3, cols: 60, autocomplete: 'off',
    'aria-describedby': 'webhooks-help' });
  webhooks.value = (options.notifyWebhooks || []).join('\n');
  const onSuccess = h('input', { id: 'opt-on-success', type: 'checkbox', checked: !!options.notifyOnSuccess });
  const sourceBox = h('fieldset', {}, h('legend', {}, 'Connection'));
  const inputs = {};
  const renderSource = () => {
    const type = typeSelect.value;
    const stored = (config && config.sourceType === type && config.sourceConfig) || {};
    if (type === 'upload') {
      // nothing to connect to: files come from the Upload page or POST /api/sync/upload
      sourceBox.replaceChildren(h('legend', {}, 'Connection'), h('p', { class: 'note', id: 'upload-note' },
        'Files are sent to budget-sync: drop them on the Upload page, or post them to /api/sync/upload. '
        + 'There is no connection to set up or test.'));
      return;
    }
    sourceBox.replaceChildren(h('legend', {}, 'Connection'), ...SOURCE_FIELDS[type].map(([key, label, kind]) => {
      const secret = kind.startsWith('secret');
      const isSet = secret && stored[key] === MASK;
      const input = kind.endsWith('textarea') ? h('textarea', { rows: 3, cols: 60 })
        : h('input', { type: secret ? 'password' : kind === 'number' ? 'number' : 'text', autocomplete: 'off' });
      input.id = `src-${key}`;
      if (!secret && stored[key] !== undefined) input.value = stored[key];
      if (secret) input.placeholder = isSet ? 'set — leave empty to keep' : 'not set';
      inputs[key] = { input, kind, isSet };
      return field(secret ? `${label} (${isSet ? 'set' : 'not set'})` : label, input);
    }));
  };
  typeSelect.addEventListener('change', renderSource);
  renderSource();

  const saveButton = h('button', { type: 'submit', id: 'save-source' }, config ? 'Save changes' : 'Create source');
  const saveError = errorBox('save-source-error');
  const report = h('div', { id: 'test-report' });
  const form = h('form', {
    'aria-label': config ? `Edit ${config.name}` : 'New source',
    onsubmit: e => {
      e.preventDefault();
      act(saveButton, saveError, async () => {
        const body = {
          customerId, name: name.value.trim(), sourceType: typeSelect.value, enabled: enabled.checked,
          frequency: frequency.value.trim(), timezone: timezone.value.trim(), sourceConfig: sourceConfig(inputs),
          options: {
            ...options, mappingThreshold: num(threshold.value), deletionGuard: num(guard.value),
            errorThreshold: num(errorShare.value), duplicates: duplicates.value,
            notifyEmails: emails.value.split(',').map(s => s.trim()).filter(Boolean),
            notifyWebhooks: webhooks.value.split('\n').map(s => s.trim()).filter(Boolean),
            notifyOnSuccess: onSuccess.checked,
          },
        };
        const result = config ? await api.put(`/api/sync/config/${config.id}`, body) : await api.post('/api/sync/config', body);
        await saved(result.config);
      });
    },
  },
  h('h2', {}, config ? `Edit ${config.name}` : 'New source'),
  h('div', { class: 'filters' }, field('Name', name), field('Type', typeSelect),
    h('div', {}, h('label', { for: 'source-enabled' }, enabled, ' Enabled'))),
  sourceBox,
  h('fieldset', {}, h('legend', {}, 'Schedule'), h('div', { class: 'filters' },
    field('Frequency', frequency), field('Time zone', timezone)),
  h('datalist', { id: 'frequencies' }, FREQUENCIES.map(f => h('option', { value: f }))),
  h('p', { id: 'frequency-help', class: 'note' }, 'manual, hourly, every_4_hours, daily, or a cron line such as '
    + '“0 7 * * 1-5”.')),
  h('fieldset', {}, h('legend', {}, 'Import rules and notifications'), h('div', { class: 'filters' },
    field('Mapping confidence needed (0–1, default 0.7)', threshold),
    field('Largest share of budgets one file may delete (default 0.25)', guard),
    field('Share of rows that may be errors (default 0.05)', errorShare),
    field('Duplicate rows', duplicates), field('Email on failure (comma-separated)', emails)),
  field('Webhooks (Slack or any JSON endpoint, one URL a line)', webhooks),
  h('p', { id: 'webhooks-help', class: 'note' }, 'A saved webhook shows shortened, as host and a short code: leave '
    + 'the line as it is to keep it, delete the line to remove it.'),
  h('div', {}, h('label', { for: 'opt-on-success' }, onSuccess, ' Also notify when a run succeeds'))),
  h('div', { class: 'actions' }, saveButton), saveError);
  if (config && config.sourceType !== 'upload') {
    const testButton = h('button', { type: 'button', class: 'secondary', id: 'test-connection' }, 'Test connection');
    const testError = errorBox('test-error');
    testButton.addEventListener('click', () => act(testButton, testError, async () => {
      const r = await api.post(`/api/sync/config/${config.id}/test`);
      report.replaceChildren(...nodes(connectionReport(r, config, customerId, saved, testError)));
    }));
    form.append(h('div', { class: 'actions' }, testButton), testError, report);
  }
  return form;
}

function connectionReport(r, config, customerId, saved, error) {
  const yesNo = v => (v ? h('span', { class: 'ok' }, 'yes') : h('span', { class: 'error' }, 'no'));
  const pinned = config.sourceConfig && config.sourceConfig.hostKeyFingerprint;
  let pin = null;
  if (r.hostKeyFingerprint && r.hostKeyFingerprint !== pinned) {
    pin = h('button', { type: 'button', id: 'pin-host-key' }, 'Pin this key');
    pin.addEventListener('click', () => act(pin, error, async () => {
      const sourceConfig = { ...config.sourceConfig, hostKeyFingerprint: r.hostKeyFingerprint };
      await saved((await api.put(`/api/sync/config/${config.id}`, { customerId, sourceType: config.sourceType,
        sourceConfig })).config);
    }));
  }
  return [h('h2', {}, 'Connection test'), h('dl', { class: 'facts', id: 'report' },
    h('dt', {}, 'Reachable'), h('dd', {}, yesNo(r.reachable)),
    h('dt', {}, 'Signed in'), h('dd', {}, yesNo(r.authenticated)),
    r.hostKeyFingerprint ? [h('dt', {}, 'Host key'), h('dd', {}, h('code', { id: 'seen-fingerprint' },
      r.hostKeyFingerprint), ' ', r.hostKeyFingerprint === pinned ? '(pinned)' : pin)] : null,
    h('dt', {}, 'Files matching'), h('dd', { id: 'files-matching' }, r.filesMatching),
    h('dt', {}, 'Next file'), h('dd', { id: 'next-file' }, r.nextFile || r.nextReason || '—'),
    r.error ? [h('dt', {}, 'Problem'), h('dd', { class: 'error', id: 'report-error' }, r.error)] : null),
  r.files && r.files.length ? table('Files found, newest first', [['Name', f => f.name],
    ['Size', f => f.size, 'num'], ['Changed', f => dateTime(f.lastModified)]], r.files) : null];
}

/** The typed connection settings; a secret left empty is sent masked, which keeps the stored one. */
function sourceConfig(inputs) {
  const out = {};
  for (const [key, { input, kind, isSet }] of Object.entries(inputs)) {
    const value = input.value.trim();
    if (kind.startsWith('secret')) {
      if (value) out[key] = input.value;
      else if (isSet) out[key] = MASK;
    } else if (value) {
      out[key] = kind === 'number' ? Number(value) : value;
    }
  }
  return out;
}

function num(value) {
  return value === '' ? undefined : Number(value);
}
